CREATE TABLE `comuni` (
	`istat` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`zone_id` text NOT NULL,
	`geometry` text NOT NULL,
	`min_lon` real NOT NULL,
	`min_lat` real NOT NULL,
	`max_lon` real NOT NULL,
	`max_lat` real NOT NULL,
	`area_km2` real NOT NULL,
	FOREIGN KEY (`zone_id`) REFERENCES `zones`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `comuni_zone_idx` ON `comuni` (`zone_id`,`name`);--> statement-breakpoint
CREATE INDEX `comuni_name_idx` ON `comuni` (`name`);--> statement-breakpoint
CREATE INDEX `comuni_bbox_idx` ON `comuni` (`min_lon`,`max_lon`,`min_lat`,`max_lat`);--> statement-breakpoint
CREATE TABLE `zones` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`sort_order` integer NOT NULL,
	`is_capoluogo` integer DEFAULT false NOT NULL,
	`official_comuni_count` integer,
	`official_area_km2` real,
	`population` integer,
	`population_year` integer,
	`source` text
);
--> statement-breakpoint
CREATE TABLE `frameworks` (
	`code` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`about` text NOT NULL,
	`sort_order` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `objectives` (
	`code` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`sort_order` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `principles` (
	`code` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`sort_order` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `strategies` (
	`code` text PRIMARY KEY NOT NULL,
	`number` integer NOT NULL,
	`title` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `target_objectives` (
	`target_code` text NOT NULL,
	`objective_code` text NOT NULL,
	PRIMARY KEY(`target_code`, `objective_code`),
	FOREIGN KEY (`target_code`) REFERENCES `targets`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`objective_code`) REFERENCES `objectives`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `targets` (
	`code` text PRIMARY KEY NOT NULL,
	`strategy_code` text NOT NULL,
	`title` text NOT NULL,
	`theme` text NOT NULL,
	`sort_order` integer NOT NULL,
	FOREIGN KEY (`strategy_code`) REFERENCES `strategies`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `memberships` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` text NOT NULL,
	`organization_id` integer NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`position` text,
	`message` text,
	`requested_at` integer DEFAULT (unixepoch()) NOT NULL,
	`decided_at` integer,
	`decided_by` text,
	`decision_note` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `memberships_user_idx` ON `memberships` (`user_id`,`status`);--> statement-breakpoint
CREATE INDEX `memberships_status_idx` ON `memberships` (`status`,`requested_at`);--> statement-breakpoint
CREATE INDEX `memberships_org_idx` ON `memberships` (`organization_id`,`status`);--> statement-breakpoint
CREATE TABLE `organizations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`istat_code` text,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`istat_code`) REFERENCES `comuni`(`istat`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `organizations_slug_unique` ON `organizations` (`slug`);--> statement-breakpoint
CREATE UNIQUE INDEX `organizations_istat_unique` ON `organizations` (`istat_code`);--> statement-breakpoint
CREATE INDEX `organizations_kind_idx` ON `organizations` (`kind`,`name`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text,
	`name` text,
	`password_hash` text,
	`role` text DEFAULT 'participant' NOT NULL,
	`locale` text DEFAULT 'it' NOT NULL,
	`privacy_consent_at` integer,
	`privacy_consent_version` text,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	`password_changed_at` integer,
	`deleted_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
CREATE INDEX `users_role_idx` ON `users` (`role`);--> statement-breakpoint
CREATE TABLE `audit_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer DEFAULT (unixepoch()) NOT NULL,
	`actor_id` text,
	`action` text NOT NULL,
	`subject_type` text NOT NULL,
	`subject_id` text NOT NULL,
	`before` text,
	`after` text,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_subject_idx` ON `audit_entries` (`subject_type`,`subject_id`);--> statement-breakpoint
CREATE INDEX `audit_at_idx` ON `audit_entries` (`at`);