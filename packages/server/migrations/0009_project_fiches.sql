CREATE TABLE "fiche_problem" (
	"id" serial PRIMARY KEY NOT NULL,
	"workshop_id" integer NOT NULL,
	"municipality_id" integer NOT NULL,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"sort_order" smallint DEFAULT 0 NOT NULL,
	CONSTRAINT "fiche_problem_kind" CHECK ("fiche_problem"."kind" in ('problem','idea'))
);
--> statement-breakpoint
CREATE TABLE "fiche_workshop" (
	"id" serial PRIMARY KEY NOT NULL,
	"municipality_id" integer NOT NULL,
	"date" date NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"topic" text NOT NULL,
	"participants" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_fiche" (
	"id" serial PRIMARY KEY NOT NULL,
	"municipality_id" integer NOT NULL,
	"title" text NOT NULL,
	"problem_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"service_types" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"objectives" text DEFAULT '' NOT NULL,
	"activities" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"target_group" text DEFAULT '' NOT NULL,
	"people_reached" integer,
	"settlement_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"partners" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"start_month" text NOT NULL,
	"months" smallint NOT NULL,
	"budget" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"total_cost" double precision DEFAULT 0 NOT NULL,
	"indicators" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"owner" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'idea' NOT NULL,
	"created_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_fiche_status" CHECK ("project_fiche"."status" in ('idea','shortlisted','in_plan','funded','done'))
);
--> statement-breakpoint
ALTER TABLE "fiche_problem" ADD CONSTRAINT "fiche_problem_workshop_id_fiche_workshop_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."fiche_workshop"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fiche_problem" ADD CONSTRAINT "fiche_problem_municipality_id_territory_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."territory"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fiche_workshop" ADD CONSTRAINT "fiche_workshop_municipality_id_territory_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."territory"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fiche_workshop" ADD CONSTRAINT "fiche_workshop_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_fiche" ADD CONSTRAINT "project_fiche_municipality_id_territory_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."territory"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_fiche" ADD CONSTRAINT "project_fiche_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "fiche_problem_workshop" ON "fiche_problem" USING btree ("workshop_id");--> statement-breakpoint
CREATE INDEX "fiche_workshop_municipality" ON "fiche_workshop" USING btree ("municipality_id");--> statement-breakpoint
CREATE INDEX "project_fiche_municipality" ON "project_fiche" USING btree ("municipality_id");