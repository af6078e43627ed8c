CREATE TABLE `amendments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`section_id` integer NOT NULL,
	`version_id` integer NOT NULL,
	`author_id` text NOT NULL,
	`organization_id` integer,
	`proposed_text` text NOT NULL,
	`rationale` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	`withdrawn_at` integer,
	FOREIGN KEY (`section_id`) REFERENCES `draft_sections`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`version_id`) REFERENCES `draft_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `amendments_section_idx` ON `amendments` (`section_id`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `amendments_version_idx` ON `amendments` (`version_id`,`status`);--> statement-breakpoint
CREATE INDEX `amendments_author_idx` ON `amendments` (`author_id`);--> statement-breakpoint
CREATE INDEX `amendments_status_idx` ON `amendments` (`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `draft_section_objectives` (
	`section_text_id` integer NOT NULL,
	`objective_code` text NOT NULL,
	PRIMARY KEY(`section_text_id`, `objective_code`),
	FOREIGN KEY (`section_text_id`) REFERENCES `draft_section_texts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`objective_code`) REFERENCES `objectives`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `draft_section_targets` (
	`section_text_id` integer NOT NULL,
	`target_code` text NOT NULL,
	PRIMARY KEY(`section_text_id`, `target_code`),
	FOREIGN KEY (`section_text_id`) REFERENCES `draft_section_texts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`target_code`) REFERENCES `targets`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `draft_section_texts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`version_id` integer NOT NULL,
	`section_id` integer NOT NULL,
	`number` text NOT NULL,
	`title` text NOT NULL,
	`body` text DEFAULT '' NOT NULL,
	`depth` integer NOT NULL,
	`position` integer NOT NULL,
	`framework_code` text,
	FOREIGN KEY (`version_id`) REFERENCES `draft_versions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`section_id`) REFERENCES `draft_sections`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`framework_code`) REFERENCES `frameworks`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `draft_section_texts_version_section` ON `draft_section_texts` (`version_id`,`section_id`);--> statement-breakpoint
CREATE INDEX `draft_section_texts_version_position` ON `draft_section_texts` (`version_id`,`position`);--> statement-breakpoint
CREATE INDEX `draft_section_texts_section_idx` ON `draft_section_texts` (`section_id`);--> statement-breakpoint
CREATE TABLE `draft_sections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`strategy_code` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`strategy_code`) REFERENCES `strategies`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `draft_sections_strategy_idx` ON `draft_sections` (`strategy_code`);--> statement-breakpoint
CREATE TABLE `draft_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`strategy_code` text NOT NULL,
	`label` text NOT NULL,
	`version_date` text NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'bozza' NOT NULL,
	`published_at` integer,
	`comments_open_from` integer,
	`comments_open_until` integer,
	`closed_at` integer,
	`adopted_at` integer,
	`based_on_version_id` integer,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	`created_by` text,
	FOREIGN KEY (`strategy_code`) REFERENCES `strategies`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `draft_versions_strategy_idx` ON `draft_versions` (`strategy_code`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `draft_versions_one_in_consultation` ON `draft_versions` (`strategy_code`) WHERE status = 'in_consultazione';--> statement-breakpoint
CREATE TABLE `section_comments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`section_id` integer NOT NULL,
	`version_id` integer NOT NULL,
	`parent_id` integer,
	`author_id` text NOT NULL,
	`organization_id` integer,
	`body` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	`edited_at` integer,
	`deleted_at` integer,
	FOREIGN KEY (`section_id`) REFERENCES `draft_sections`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`version_id`) REFERENCES `draft_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `section_comments_section_idx` ON `section_comments` (`section_id`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `section_comments_version_idx` ON `section_comments` (`version_id`,`status`);--> statement-breakpoint
CREATE INDEX `section_comments_author_idx` ON `section_comments` (`author_id`);--> statement-breakpoint
CREATE INDEX `section_comments_status_idx` ON `section_comments` (`status`,`created_at`);