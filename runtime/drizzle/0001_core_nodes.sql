CREATE TABLE `bookings` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text DEFAULT 'default' NOT NULL,
	`calendar_id` text NOT NULL,
	`start_utc` text NOT NULL,
	`end_utc` text NOT NULL,
	`blocked_until` text NOT NULL,
	`title` text NOT NULL,
	`attendee` text NOT NULL,
	`conversation_id` text,
	`flow_id` text,
	`status` text NOT NULL,
	`is_test` integer DEFAULT false NOT NULL,
	`idempotency_key` text NOT NULL,
	`ics_token` text NOT NULL,
	`sequence` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`cancelled_at` text
);
--> statement-breakpoint
CREATE INDEX `bookings_calendar_start` ON `bookings` (`workspace_id`,`calendar_id`,`status`,`start_utc`,`blocked_until`,`is_test`);--> statement-breakpoint
CREATE INDEX `bookings_flow_start` ON `bookings` (`workspace_id`,`flow_id`,`start_utc`);--> statement-breakpoint
CREATE UNIQUE INDEX `bookings_idempotency` ON `bookings` (`workspace_id`,`calendar_id`,`idempotency_key`) WHERE status = 'booked';--> statement-breakpoint
CREATE TABLE `calendars` (
	`workspace_id` text DEFAULT 'default' NOT NULL,
	`id` text NOT NULL,
	`name` text NOT NULL,
	`time_zone` text NOT NULL,
	`feed_token` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`workspace_id`, `id`)
);
--> statement-breakpoint
CREATE TABLE `callback_resolutions` (
	`event_id` integer PRIMARY KEY NOT NULL,
	`workspace_id` text DEFAULT 'default' NOT NULL,
	`done_at` text NOT NULL,
	`note` text
);
--> statement-breakpoint
CREATE TABLE `leads` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text DEFAULT 'default' NOT NULL,
	`contact_id` text NOT NULL,
	`conversation_id` text NOT NULL,
	`flow_id` text NOT NULL,
	`node_id` text NOT NULL,
	`is_test` integer DEFAULT false NOT NULL,
	`fields` text NOT NULL,
	`consent` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `leads_capture` ON `leads` (`conversation_id`,`node_id`);--> statement-breakpoint
CREATE INDEX `leads_contact` ON `leads` (`contact_id`);--> statement-breakpoint
CREATE INDEX `leads_flow_created` ON `leads` (`workspace_id`,`flow_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `domain_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`workspace_id` text DEFAULT 'default' NOT NULL,
	`conversation_id` text NOT NULL,
	`flow_id` text NOT NULL,
	`flow_version` integer,
	`is_test` integer DEFAULT false NOT NULL,
	`node_id` text,
	`type` text NOT NULL,
	`data` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `domain_events_flow_type` ON `domain_events` (`workspace_id`,`flow_id`,`type`,`created_at`);--> statement-breakpoint
CREATE INDEX `domain_events_conversation` ON `domain_events` (`conversation_id`);--> statement-breakpoint
CREATE INDEX `domain_events_type` ON `domain_events` (`type`,`id`);--> statement-breakpoint
CREATE TABLE `files` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text DEFAULT 'default' NOT NULL,
	`conversation_id` text NOT NULL,
	`node_id` text,
	`name` text NOT NULL,
	`content_type` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`encrypted` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `files_conversation` ON `files` (`conversation_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `knowledge_bases` (
	`workspace_id` text DEFAULT 'default' NOT NULL,
	`id` text NOT NULL,
	`name` text NOT NULL,
	`revision` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`workspace_id`, `id`)
);
--> statement-breakpoint
CREATE TABLE `knowledge_entries` (
	`workspace_id` text DEFAULT 'default' NOT NULL,
	`knowledge_base_id` text NOT NULL,
	`id` text NOT NULL,
	`question` text NOT NULL,
	`alternatives` text,
	`answer` text NOT NULL,
	`position` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`workspace_id`, `knowledge_base_id`, `id`)
);
--> statement-breakpoint
CREATE INDEX `knowledge_entries_position` ON `knowledge_entries` (`workspace_id`,`knowledge_base_id`,`position`);--> statement-breakpoint
CREATE TABLE `products` (
	`workspace_id` text DEFAULT 'default' NOT NULL,
	`sku_key` text NOT NULL,
	`sku` text NOT NULL,
	`name` text NOT NULL,
	`available` integer NOT NULL,
	`price_cents` integer,
	`low_stock_threshold` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`workspace_id`, `sku_key`)
);
--> statement-breakpoint
CREATE INDEX `products_name` ON `products` (`workspace_id`,`name`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`workspace_id` text DEFAULT 'default' NOT NULL,
	`topic` text NOT NULL,
	`subject` text NOT NULL,
	`text` text NOT NULL,
	`data` text NOT NULL,
	`dedupe_key` text,
	`created_at` text NOT NULL,
	`read_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notifications_dedupe` ON `notifications` (`workspace_id`,`topic`,`dedupe_key`);--> statement-breakpoint
CREATE INDEX `notifications_topic` ON `notifications` (`workspace_id`,`topic`,`id`);--> statement-breakpoint
ALTER TABLE `contacts` ADD `name` text;--> statement-breakpoint
ALTER TABLE `contacts` ADD `email` text;--> statement-breakpoint
ALTER TABLE `contacts` ADD `phone` text;--> statement-breakpoint
ALTER TABLE `contacts` ADD `is_test` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `contacts_email` ON `contacts` (`workspace_id`,`is_test`,`email`);--> statement-breakpoint
CREATE INDEX `contacts_phone` ON `contacts` (`workspace_id`,`is_test`,`phone`);--> statement-breakpoint
CREATE INDEX `contacts_updated` ON `contacts` (`workspace_id`,`updated_at`);