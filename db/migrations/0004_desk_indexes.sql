CREATE INDEX `articles_desk_status_modified_idx` ON `articles` (`status`,`deleted_at`,`modified_at`);--> statement-breakpoint
CREATE INDEX `articles_desk_modified_idx` ON `articles` (`deleted_at`,`modified_at`);--> statement-breakpoint
CREATE INDEX `articles_assignee_idx` ON `articles` (`assignee_id`);--> statement-breakpoint
CREATE INDEX `articles_corrections_idx` ON `articles` (`published_at`) WHERE status = 'published' AND deleted_at IS NULL AND corrections <> '[]';