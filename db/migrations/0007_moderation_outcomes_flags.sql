CREATE TABLE `duplicates` (
	`contribution_id` integer PRIMARY KEY NOT NULL,
	`duplicate_of` integer NOT NULL,
	`marked_by` text,
	`marked_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`contribution_id`) REFERENCES `contributions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`duplicate_of`) REFERENCES `contributions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`marked_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `duplicates_of_idx` ON `duplicates` (`duplicate_of`);--> statement-breakpoint
CREATE TABLE `flags` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`item_kind` text NOT NULL,
	`item_id` integer NOT NULL,
	`reporter_id` text NOT NULL,
	`reason` text NOT NULL,
	`note` text,
	`status` text DEFAULT 'open' NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	`resolved_at` integer,
	`resolved_by` text,
	FOREIGN KEY (`reporter_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resolved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `flags_one_per_reporter` ON `flags` (`item_kind`,`item_id`,`reporter_id`);--> statement-breakpoint
CREATE INDEX `flags_item_idx` ON `flags` (`item_kind`,`item_id`,`status`);--> statement-breakpoint
CREATE INDEX `flags_status_idx` ON `flags` (`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `notification_preferences` (
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`enabled` integer NOT NULL,
	PRIMARY KEY(`user_id`, `kind`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `outcome_revisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`outcome_id` integer NOT NULL,
	`revision` integer NOT NULL,
	`outcome` text NOT NULL,
	`response` text NOT NULL,
	`decided_by` text,
	`decided_at` integer NOT NULL,
	FOREIGN KEY (`outcome_id`) REFERENCES `outcomes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outcome_revisions_unique` ON `outcome_revisions` (`outcome_id`,`revision`);--> statement-breakpoint
CREATE TABLE `outcomes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`item_kind` text NOT NULL,
	`item_id` integer NOT NULL,
	`outcome` text NOT NULL,
	`response` text NOT NULL,
	`decided_by` text,
	`decided_at` integer NOT NULL,
	`revision` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outcomes_item_unique` ON `outcomes` (`item_kind`,`item_id`);--> statement-breakpoint
CREATE INDEX `outcomes_outcome_idx` ON `outcomes` (`outcome`);--> statement-breakpoint
CREATE TABLE `redactions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`item_kind` text NOT NULL,
	`item_id` integer NOT NULL,
	`reason` text NOT NULL,
	`redacted_by` text,
	`redacted_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`redacted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `redactions_item_idx` ON `redactions` (`item_kind`,`item_id`);--> statement-breakpoint
CREATE TABLE `section_links` (
	`item_kind` text NOT NULL,
	`item_id` integer NOT NULL,
	`section_id` integer NOT NULL,
	`version_id` integer NOT NULL,
	`linked_by` text,
	`linked_at` integer DEFAULT (unixepoch()) NOT NULL,
	PRIMARY KEY(`item_kind`, `item_id`, `section_id`, `version_id`),
	FOREIGN KEY (`section_id`) REFERENCES `draft_sections`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`version_id`) REFERENCES `draft_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`linked_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `section_links_section_idx` ON `section_links` (`section_id`,`version_id`);