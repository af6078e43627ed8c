CREATE TABLE `phases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`process_id` integer NOT NULL,
	`position` integer NOT NULL,
	`kind` text,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text,
	`precision` text DEFAULT 'day' NOT NULL,
	FOREIGN KEY (`process_id`) REFERENCES `processes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `phases_process_idx` ON `phases` (`process_id`,`position`);--> statement-breakpoint
CREATE TABLE `process_strategies` (
	`process_id` integer NOT NULL,
	`strategy_code` text NOT NULL,
	PRIMARY KEY(`process_id`, `strategy_code`),
	FOREIGN KEY (`process_id`) REFERENCES `processes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`strategy_code`) REFERENCES `strategies`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `processes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`draft_public_date` text,
	`planned_adoption_date` text,
	`rules_override` text,
	`moderation_mode` text DEFAULT 'pre' NOT NULL,
	`flag_threshold` integer DEFAULT 3 NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	`created_by` text,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `processes_slug_unique` ON `processes` (`slug`);--> statement-breakpoint
CREATE INDEX `processes_status_idx` ON `processes` (`status`);--> statement-breakpoint
CREATE TABLE `invitations` (
	`meeting_id` integer NOT NULL,
	`organization_id` integer NOT NULL,
	`invited_at` integer DEFAULT (unixepoch()) NOT NULL,
	`invited_by` text,
	PRIMARY KEY(`meeting_id`, `organization_id`),
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`invited_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `invitations_org_idx` ON `invitations` (`organization_id`);--> statement-breakpoint
CREATE TABLE `meeting_documents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`title` text NOT NULL,
	`file_name` text NOT NULL,
	`mime_type` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`sha256` text NOT NULL,
	`uploaded_at` integer DEFAULT (unixepoch()) NOT NULL,
	`uploaded_by` text,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`uploaded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `meeting_documents_meeting_idx` ON `meeting_documents` (`meeting_id`);--> statement-breakpoint
CREATE TABLE `meeting_strategies` (
	`meeting_id` integer NOT NULL,
	`strategy_code` text NOT NULL,
	PRIMARY KEY(`meeting_id`, `strategy_code`),
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`strategy_code`) REFERENCES `strategies`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `meeting_strategies_code_idx` ON `meeting_strategies` (`strategy_code`);--> statement-breakpoint
CREATE TABLE `meetings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`process_id` integer NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`zone_id` text,
	`venue_name` text,
	`venue_address` text,
	`lat` real,
	`lon` real,
	`online_url` text,
	`agenda` text DEFAULT '' NOT NULL,
	`capacity` integer,
	`registration_opens_at` integer,
	`registration_closes_at` integer,
	`allow_observers` integer DEFAULT false NOT NULL,
	`status` text DEFAULT 'scheduled' NOT NULL,
	`minutes` text,
	`minutes_published_at` integer,
	`attendees_count` integer,
	`cancelled_reason` text,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`process_id`) REFERENCES `processes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`zone_id`) REFERENCES `zones`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `meetings_starts_idx` ON `meetings` (`starts_at`);--> statement-breakpoint
CREATE INDEX `meetings_kind_idx` ON `meetings` (`kind`,`starts_at`);--> statement-breakpoint
CREATE INDEX `meetings_zone_idx` ON `meetings` (`zone_id`,`starts_at`);--> statement-breakpoint
CREATE INDEX `meetings_process_idx` ON `meetings` (`process_id`,`starts_at`);--> statement-breakpoint
CREATE TABLE `registrations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`user_id` text NOT NULL,
	`organization_id` integer,
	`capacity` text NOT NULL,
	`status` text NOT NULL,
	`created_at` integer NOT NULL,
	`promoted_at` integer,
	`cancelled_at` integer,
	`attended` integer,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `registrations_meeting_idx` ON `registrations` (`meeting_id`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `registrations_user_idx` ON `registrations` (`user_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `registrations_live_person_unique` ON `registrations` (`meeting_id`,`user_id`) WHERE status <> 'cancelled';--> statement-breakpoint
CREATE UNIQUE INDEX `registrations_live_org_unique` ON `registrations` (`meeting_id`,`organization_id`) WHERE status <> 'cancelled' and organization_id is not null;--> statement-breakpoint
CREATE TABLE `contributions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`process_id` integer NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`strategy_code` text,
	`author_id` text,
	`organization_id` integer,
	`comune_istat` text,
	`meeting_id` integer,
	`entered_by` text,
	`status` text DEFAULT 'pending' NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch()) NOT NULL,
	`published_at` integer,
	FOREIGN KEY (`process_id`) REFERENCES `processes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`strategy_code`) REFERENCES `strategies`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`comune_istat`) REFERENCES `comuni`(`istat`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entered_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `contributions_meeting_idx` ON `contributions` (`meeting_id`);--> statement-breakpoint
CREATE INDEX `contributions_author_idx` ON `contributions` (`author_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `contributions_status_idx` ON `contributions` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `contributions_org_idx` ON `contributions` (`organization_id`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` text,
	`to_address` text,
	`kind` text NOT NULL,
	`subject` text NOT NULL,
	`body` text NOT NULL,
	`link` text,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	`sent_at` integer,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `outbox_user_idx` ON `outbox` (`user_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `outbox_pending_idx` ON `outbox` (`sent_at`,`id`);--> statement-breakpoint
CREATE INDEX `outbox_created_idx` ON `outbox` (`created_at`);