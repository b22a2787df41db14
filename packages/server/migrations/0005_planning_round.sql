CREATE TABLE "calendar_day" (
	"id" serial PRIMARY KEY NOT NULL,
	"country" text NOT NULL,
	"day" date NOT NULL,
	"working" boolean NOT NULL,
	"note" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ceiling" (
	"id" serial PRIMARY KEY NOT NULL,
	"municipality_id" integer NOT NULL,
	"service_type" text NOT NULL,
	"year" smallint NOT NULL,
	"max_users" integer NOT NULL,
	CONSTRAINT "ceiling_nonnegative" CHECK ("ceiling"."max_users" >= 0)
);
--> statement-breakpoint
CREATE TABLE "envelope" (
	"id" serial PRIMARY KEY NOT NULL,
	"round_id" integer NOT NULL,
	"municipality_id" integer,
	"funding_source" text,
	"annual_limit" double precision NOT NULL,
	CONSTRAINT "envelope_nonnegative" CHECK ("envelope"."annual_limit" >= 0)
);
--> statement-breakpoint
CREATE TABLE "planning_round" (
	"id" serial PRIMARY KEY NOT NULL,
	"territory_id" integer NOT NULL,
	"country" text NOT NULL,
	"template_key" text NOT NULL,
	"period_start" smallint NOT NULL,
	"period_end" smallint NOT NULL,
	"method" text NOT NULL,
	"check_settings" jsonb NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "planning_round_status" CHECK ("planning_round"."status" in ('open','closed')),
	CONSTRAINT "planning_round_method" CHECK ("planning_round"."method" in ('normative','observed','survey')),
	CONSTRAINT "planning_round_period" CHECK ("planning_round"."period_start" <= "planning_round"."period_end")
);
--> statement-breakpoint
CREATE TABLE "proposal_item" (
	"id" serial PRIMARY KEY NOT NULL,
	"round_id" integer NOT NULL,
	"municipality_id" integer NOT NULL,
	"action" text NOT NULL,
	"service_type" text NOT NULL,
	"capacity_change" integer NOT NULL,
	"unit" text NOT NULL,
	"site_id" integer,
	"settlement_id" integer,
	"served" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"start_year" smallint NOT NULL,
	"funding_source" text NOT NULL,
	"annual_cost" double precision,
	"explanation" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "proposal_item_action" CHECK ("proposal_item"."action" in ('open','expand','reduce','close','transform')),
	CONSTRAINT "proposal_item_funding" CHECK ("proposal_item"."funding_source" in ('state_delegated','municipal','eu_project','donor_project','other'))
);
--> statement-breakpoint
CREATE TABLE "round_stage" (
	"id" serial PRIMARY KEY NOT NULL,
	"round_id" integer NOT NULL,
	"key" text NOT NULL,
	"owner_territory_id" integer,
	"due_date" date,
	"done_date" date,
	"status" text DEFAULT 'open' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "round_stage_status" CHECK ("round_stage"."status" in ('open','done'))
);
--> statement-breakpoint
CREATE TABLE "unit_cost" (
	"id" serial PRIMARY KEY NOT NULL,
	"country" text NOT NULL,
	"service_type" text NOT NULL,
	"year" smallint NOT NULL,
	"cost" double precision NOT NULL,
	CONSTRAINT "unit_cost_nonnegative" CHECK ("unit_cost"."cost" >= 0)
);
--> statement-breakpoint
ALTER TABLE "ceiling" ADD CONSTRAINT "ceiling_municipality_id_territory_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."territory"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "envelope" ADD CONSTRAINT "envelope_round_id_planning_round_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."planning_round"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "envelope" ADD CONSTRAINT "envelope_municipality_id_territory_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."territory"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_round" ADD CONSTRAINT "planning_round_territory_id_territory_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territory"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_round" ADD CONSTRAINT "planning_round_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_item" ADD CONSTRAINT "proposal_item_round_id_planning_round_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."planning_round"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_item" ADD CONSTRAINT "proposal_item_municipality_id_territory_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."territory"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_item" ADD CONSTRAINT "proposal_item_settlement_id_territory_id_fk" FOREIGN KEY ("settlement_id") REFERENCES "public"."territory"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_stage" ADD CONSTRAINT "round_stage_round_id_planning_round_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."planning_round"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_stage" ADD CONSTRAINT "round_stage_owner_territory_id_territory_id_fk" FOREIGN KEY ("owner_territory_id") REFERENCES "public"."territory"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_day_country_day" ON "calendar_day" USING btree ("country","day");--> statement-breakpoint
CREATE UNIQUE INDEX "ceiling_municipality_type_year" ON "ceiling" USING btree ("municipality_id","service_type","year");--> statement-breakpoint
CREATE INDEX "envelope_round" ON "envelope" USING btree ("round_id");--> statement-breakpoint
CREATE INDEX "planning_round_territory" ON "planning_round" USING btree ("territory_id");--> statement-breakpoint
CREATE INDEX "proposal_item_round" ON "proposal_item" USING btree ("round_id","municipality_id");--> statement-breakpoint
CREATE INDEX "round_stage_round" ON "round_stage" USING btree ("round_id");--> statement-breakpoint
CREATE UNIQUE INDEX "unit_cost_country_type_year" ON "unit_cost" USING btree ("country","service_type","year");