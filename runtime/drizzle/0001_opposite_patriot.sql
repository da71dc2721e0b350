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
CREATE INDEX `domain_events_type` ON `domain_events` (`type`,`id`);