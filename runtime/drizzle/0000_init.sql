CREATE TABLE `contacts` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text DEFAULT 'default' NOT NULL,
	`conversation_id` text,
	`flow_id` text,
	`data` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `contacts_conversation` ON `contacts` (`conversation_id`);--> statement-breakpoint
CREATE TABLE `conversations` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text DEFAULT 'default' NOT NULL,
	`flow_id` text NOT NULL,
	`flow_version_id` integer NOT NULL,
	`flow_version` integer,
	`is_test` integer DEFAULT false NOT NULL,
	`status` text NOT NULL,
	`locale` text NOT NULL,
	`token_hash` text NOT NULL,
	`state` text NOT NULL,
	`turn` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`ended_at` text
);
--> statement-breakpoint
CREATE INDEX `conversations_flow_created` ON `conversations` (`workspace_id`,`flow_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `conversations_updated` ON `conversations` (`updated_at`);--> statement-breakpoint
CREATE TABLE `flow_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`workspace_id` text DEFAULT 'default' NOT NULL,
	`flow_id` text NOT NULL,
	`version` integer,
	`kind` text NOT NULL,
	`document` text NOT NULL,
	`hash` text NOT NULL,
	`note` text,
	`created_by` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `flow_versions_number` ON `flow_versions` (`workspace_id`,`flow_id`,`version`);--> statement-breakpoint
CREATE INDEX `flow_versions_hash` ON `flow_versions` (`workspace_id`,`flow_id`,`kind`,`hash`);--> statement-breakpoint
CREATE TABLE `flows` (
	`workspace_id` text DEFAULT 'default' NOT NULL,
	`id` text NOT NULL,
	`name` text NOT NULL,
	`draft` text NOT NULL,
	`revision` integer NOT NULL,
	`published_version` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`workspace_id`, `id`)
);
--> statement-breakpoint
CREATE TABLE `handoffs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`workspace_id` text DEFAULT 'default' NOT NULL,
	`conversation_id` text NOT NULL,
	`flow_id` text NOT NULL,
	`node_id` text,
	`reason` text NOT NULL,
	`status` text NOT NULL,
	`created_at` text NOT NULL,
	`closed_at` text
);
--> statement-breakpoint
CREATE INDEX `handoffs_status` ON `handoffs` (`workspace_id`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `handoffs_conversation` ON `handoffs` (`conversation_id`);--> statement-breakpoint
CREATE TABLE `settings` (
	`workspace_id` text DEFAULT 'default' NOT NULL,
	`key` text NOT NULL,
	`value` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	PRIMARY KEY(`workspace_id`, `key`)
);
--> statement-breakpoint
CREATE TABLE `turns` (
	`workspace_id` text DEFAULT 'default' NOT NULL,
	`conversation_id` text NOT NULL,
	`seq` integer NOT NULL,
	`kind` text NOT NULL,
	`client_message_id` text,
	`request_hash` text,
	`response` text NOT NULL,
	`events` text NOT NULL,
	`created_at` text NOT NULL,
	PRIMARY KEY(`conversation_id`, `seq`)
);
