CREATE TABLE "publication" (
	"id" serial PRIMARY KEY NOT NULL,
	"territory_id" integer NOT NULL,
	"section" text NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by" integer,
	CONSTRAINT "publication_section" CHECK ("publication"."section" in ('services','gaps','plan','fiches'))
);
--> statement-breakpoint
ALTER TABLE "publication" ADD CONSTRAINT "publication_territory_id_territory_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territory"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publication" ADD CONSTRAINT "publication_published_by_app_user_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "publication_territory_section" ON "publication" USING btree ("territory_id","section");