CREATE TABLE `article_working_copies` (
	`article_id` integer PRIMARY KEY NOT NULL,
	`base_version` integer NOT NULL,
	`revision` integer DEFAULT 1 NOT NULL,
	`content` text NOT NULL,
	`saved_by` integer,
	`saved_at` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`saved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
