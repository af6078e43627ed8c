CREATE TABLE `contribution_attachments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`contribution_id` integer NOT NULL,
	`title` text NOT NULL,
	`file_name` text NOT NULL,
	`mime_type` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`sha256` text NOT NULL,
	`uploaded_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`contribution_id`) REFERENCES `contributions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `contribution_attachments_contribution_idx` ON `contribution_attachments` (`contribution_id`);--> statement-breakpoint
CREATE TABLE `contribution_comuni` (
	`contribution_id` integer NOT NULL,
	`istat` text NOT NULL,
	PRIMARY KEY(`contribution_id`, `istat`),
	FOREIGN KEY (`contribution_id`) REFERENCES `contributions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`istat`) REFERENCES `comuni`(`istat`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `contribution_comuni_istat_idx` ON `contribution_comuni` (`istat`,`contribution_id`);--> statement-breakpoint
CREATE TABLE `contribution_objectives` (
	`contribution_id` integer NOT NULL,
	`objective_code` text NOT NULL,
	PRIMARY KEY(`contribution_id`, `objective_code`),
	FOREIGN KEY (`contribution_id`) REFERENCES `contributions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`objective_code`) REFERENCES `objectives`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `contribution_objectives_code_idx` ON `contribution_objectives` (`objective_code`,`contribution_id`);--> statement-breakpoint
CREATE TABLE `contribution_supports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`contribution_id` integer NOT NULL,
	`user_id` text NOT NULL,
	`organization_id` integer,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`contribution_id`) REFERENCES `contributions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `contribution_supports_person_unique` ON `contribution_supports` (`contribution_id`,`user_id`) WHERE organization_id is null;--> statement-breakpoint
CREATE UNIQUE INDEX `contribution_supports_org_unique` ON `contribution_supports` (`contribution_id`,`organization_id`) WHERE organization_id is not null;--> statement-breakpoint
CREATE INDEX `contribution_supports_user_idx` ON `contribution_supports` (`user_id`);--> statement-breakpoint
CREATE TABLE `contribution_targets` (
	`contribution_id` integer NOT NULL,
	`target_code` text NOT NULL,
	PRIMARY KEY(`contribution_id`, `target_code`),
	FOREIGN KEY (`contribution_id`) REFERENCES `contributions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`target_code`) REFERENCES `targets`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `contribution_targets_code_idx` ON `contribution_targets` (`target_code`,`contribution_id`);--> statement-breakpoint
CREATE TABLE `contribution_zones` (
	`contribution_id` integer NOT NULL,
	`zone_id` text NOT NULL,
	PRIMARY KEY(`contribution_id`, `zone_id`),
	FOREIGN KEY (`contribution_id`) REFERENCES `contributions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`zone_id`) REFERENCES `zones`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `contribution_zones_zone_idx` ON `contribution_zones` (`zone_id`,`contribution_id`);--> statement-breakpoint
CREATE TABLE `form_stashes` (
	`token` text PRIMARY KEY NOT NULL,
	`user_id` text,
	`path` text NOT NULL,
	`payload` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `form_stashes_user_idx` ON `form_stashes` (`user_id`,`path`);--> statement-breakpoint
CREATE INDEX `form_stashes_expiry_idx` ON `form_stashes` (`expires_at`);--> statement-breakpoint
ALTER TABLE `contributions` ADD `draft_section_id` integer REFERENCES draft_sections(id);--> statement-breakpoint
ALTER TABLE `contributions` ADD `draft_version_id` integer REFERENCES draft_versions(id);--> statement-breakpoint
ALTER TABLE `contributions` ADD `place_kind` text;--> statement-breakpoint
ALTER TABLE `contributions` ADD `geometry` text;--> statement-breakpoint
ALTER TABLE `contributions` ADD `min_lon` real;--> statement-breakpoint
ALTER TABLE `contributions` ADD `min_lat` real;--> statement-breakpoint
ALTER TABLE `contributions` ADD `max_lon` real;--> statement-breakpoint
ALTER TABLE `contributions` ADD `max_lat` real;--> statement-breakpoint
ALTER TABLE `contributions` ADD `lon` real;--> statement-breakpoint
ALTER TABLE `contributions` ADD `lat` real;--> statement-breakpoint
ALTER TABLE `contributions` ADD `moderator_message` text;--> statement-breakpoint
ALTER TABLE `contributions` ADD `support_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `contributions` ADD `withdrawn_at` integer;--> statement-breakpoint
CREATE INDEX `contributions_public_list_idx` ON `contributions` (`status`,`published_at`,`id`);--> statement-breakpoint
CREATE INDEX `contributions_strategy_idx` ON `contributions` (`strategy_code`,`status`,`published_at`);--> statement-breakpoint
CREATE INDEX `contributions_kind_idx` ON `contributions` (`kind`,`status`,`published_at`);--> statement-breakpoint
CREATE INDEX `contributions_point_idx` ON `contributions` (`status`,`lon`,`lat`);--> statement-breakpoint
CREATE INDEX `contributions_section_idx` ON `contributions` (`draft_section_id`);