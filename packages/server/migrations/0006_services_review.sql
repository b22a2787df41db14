CREATE TABLE "service_review" (
	"id" serial PRIMARY KEY NOT NULL,
	"settlement_id" integer NOT NULL,
	"site_key" text NOT NULL,
	"year" smallint NOT NULL,
	"results" text DEFAULT '' NOT NULL,
	"challenges" text DEFAULT '' NOT NULL,
	"good_practices" text DEFAULT '' NOT NULL,
	"partner" text DEFAULT '' NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "service_review_site_year" ON "service_review" USING btree ("settlement_id","site_key","year");