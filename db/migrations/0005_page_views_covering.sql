DROP INDEX `page_views_day_idx`;--> statement-breakpoint
CREATE INDEX `page_views_day_idx` ON `page_views` (`day`,`article_id`,`count`);