CREATE TABLE "ozps_figure" (
	"id" serial PRIMARY KEY NOT NULL,
	"municipality_id" integer NOT NULL,
	"year" smallint NOT NULL,
	"indicator" text NOT NULL,
	"value" double precision NOT NULL,
	"demo" boolean DEFAULT false NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ozps_figure" ADD CONSTRAINT "ozps_figure_municipality_id_territory_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."territory"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ozps_figure" ADD CONSTRAINT "ozps_figure_updated_by_app_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "ozps_figure_indicator_year" ON "ozps_figure" USING btree ("municipality_id","year","indicator");