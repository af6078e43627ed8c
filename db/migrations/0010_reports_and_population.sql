CREATE TABLE `report_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`report_id` integer NOT NULL,
	`number` integer NOT NULL,
	`title` text NOT NULL,
	`document` text NOT NULL,
	`correction_note` text DEFAULT '' NOT NULL,
	`published_at` integer NOT NULL,
	`published_by` text,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`published_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `report_versions_number_unique` ON `report_versions` (`report_id`,`number`);--> statement-breakpoint
CREATE INDEX `report_versions_published_idx` ON `report_versions` (`published_at`);--> statement-breakpoint
CREATE TABLE `reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`meeting_id` integer,
	`draft_version_id` integer,
	`introduction` text DEFAULT '' NOT NULL,
	`conclusions` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch()) NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`draft_version_id`) REFERENCES `draft_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reports_meeting_unique` ON `reports` (`meeting_id`) WHERE meeting_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX `reports_version_unique` ON `reports` (`draft_version_id`) WHERE draft_version_id is not null;--> statement-breakpoint
ALTER TABLE `comuni` ADD `population` integer;