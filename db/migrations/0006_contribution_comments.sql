CREATE TABLE `contribution_comments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`contribution_id` integer NOT NULL,
	`parent_id` integer,
	`author_id` text NOT NULL,
	`organization_id` integer,
	`body` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	`edited_at` integer,
	`deleted_at` integer,
	FOREIGN KEY (`contribution_id`) REFERENCES `contributions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `contribution_comments_contribution_idx` ON `contribution_comments` (`contribution_id`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `contribution_comments_author_idx` ON `contribution_comments` (`author_id`);--> statement-breakpoint
CREATE INDEX `contribution_comments_status_idx` ON `contribution_comments` (`status`,`created_at`);