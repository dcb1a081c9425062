CREATE TABLE `scheduler_lease` (
	`name` text PRIMARY KEY NOT NULL,
	`holder` text,
	`expires_at` integer NOT NULL,
	`last_run_at` integer,
	`last_run_by` text,
	`last_published_count` integer DEFAULT 0 NOT NULL,
	`last_failed_count` integer DEFAULT 0 NOT NULL,
	`last_error` text
);
