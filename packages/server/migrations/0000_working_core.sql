CREATE TABLE "territory" (
	"id" serial PRIMARY KEY NOT NULL,
	"country" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"name_en" text,
	"level" text NOT NULL,
	"parent_id" integer,
	"path" text NOT NULL,
	"lat" double precision,
	"lon" double precision,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "territory_level" CHECK ("territory"."level" in ('country','region','district','municipality','settlement')),
	CONSTRAINT "territory_country" CHECK ("territory"."country" in ('BG','UA','PL'))
);
--> statement-breakpoint
CREATE TABLE "territory_boundary" (
	"territory_id" integer PRIMARY KEY NOT NULL,
	"geometry" jsonb NOT NULL,
	"source" text
);
--> statement-breakpoint
CREATE TABLE "dataset" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"country" text,
	"file_name" text,
	"format" text NOT NULL,
	"source" text,
	"source_date" date,
	"illustrative" boolean DEFAULT false NOT NULL,
	"rows" integer NOT NULL,
	"imported_by" integer,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_value" (
	"territory_id" integer NOT NULL,
	"year" smallint NOT NULL,
	"indicator" text NOT NULL,
	"value" double precision NOT NULL,
	"source" text NOT NULL,
	"source_date" date,
	"dataset_id" integer
);
--> statement-breakpoint
CREATE TABLE "population" (
	"territory_id" integer NOT NULL,
	"year" smallint NOT NULL,
	"sex" text NOT NULL,
	"age_from" smallint NOT NULL,
	"age_to" smallint,
	"count" integer NOT NULL,
	"dataset_id" integer,
	CONSTRAINT "population_sex" CHECK ("population"."sex" in ('F','M','T')),
	CONSTRAINT "population_count" CHECK ("population"."count" >= 0),
	CONSTRAINT "population_ages" CHECK ("population"."age_to" is null or "population"."age_to" >= "population"."age_from")
);
--> statement-breakpoint
CREATE TABLE "service_type" (
	"key" text PRIMARY KEY NOT NULL,
	"country" text NOT NULL,
	"official_code" text,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"category" text NOT NULL,
	"residential" boolean NOT NULL,
	"unit" text NOT NULL,
	"target_groups" text[] NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "norm" (
	"id" serial PRIMARY KEY NOT NULL,
	"service_type" text NOT NULL,
	"territory_id" integer NOT NULL,
	"target" jsonb NOT NULL,
	"rate_per_1000" double precision NOT NULL,
	"source" text,
	"illustrative" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_site" (
	"id" serial PRIMARY KEY NOT NULL,
	"country" text NOT NULL,
	"site_key" text NOT NULL,
	"year" smallint NOT NULL,
	"name" text NOT NULL,
	"service_type" text NOT NULL,
	"provider" text NOT NULL,
	"provider_kind" text NOT NULL,
	"settlement_id" integer NOT NULL,
	"address" text,
	"serves_ids" integer[] DEFAULT '{}' NOT NULL,
	"capacity" integer NOT NULL,
	"users" integer,
	"waiting_list" integer,
	"staff_positions" double precision,
	"staff_vacancies" double precision,
	"funding" text,
	"mobile" boolean DEFAULT false NOT NULL,
	"accessible" boolean,
	"opened" date,
	"demo" boolean DEFAULT false NOT NULL,
	"dataset_id" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_site_kind" CHECK ("service_site"."provider_kind" in ('public','ngo','private')),
	CONSTRAINT "service_site_counts" CHECK ("service_site"."capacity" >= 0 and coalesce("service_site"."users",0) >= 0 and coalesce("service_site"."waiting_list",0) >= 0)
);
--> statement-breakpoint
CREATE TABLE "app_user" (
	"id" serial PRIMARY KEY NOT NULL,
	"login" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" text NOT NULL,
	"territory_id" integer,
	"organisation" text,
	"language" text DEFAULT 'en' NOT NULL,
	"must_change_password" boolean DEFAULT true NOT NULL,
	"disabled" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_sign_in_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "session" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" integer,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text,
	"country" text,
	"territory_id" integer,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
ALTER TABLE "territory" ADD CONSTRAINT "territory_parent_id_territory_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."territory"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "territory_boundary" ADD CONSTRAINT "territory_boundary_territory_id_territory_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territory"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "norm" ADD CONSTRAINT "norm_service_type_service_type_key_fk" FOREIGN KEY ("service_type") REFERENCES "public"."service_type"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "norm" ADD CONSTRAINT "norm_territory_id_territory_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territory"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_territory_id_territory_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territory"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "territory_country_code" ON "territory" USING btree ("country","code");--> statement-breakpoint
CREATE INDEX "territory_parent" ON "territory" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "territory_path" ON "territory" USING btree ("path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_value_key" ON "indicator_value" USING btree ("territory_id","year","indicator");--> statement-breakpoint
CREATE UNIQUE INDEX "norm_type_territory" ON "norm" USING btree ("service_type","territory_id");--> statement-breakpoint
CREATE UNIQUE INDEX "service_site_key_year" ON "service_site" USING btree ("country","site_key","year");--> statement-breakpoint
CREATE UNIQUE INDEX "app_user_login" ON "app_user" USING btree ("login");--> statement-breakpoint
CREATE INDEX "session_user" ON "session" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "audit_country_id" ON "audit_log" USING btree ("country","id");--> statement-breakpoint
CREATE INDEX "audit_entity" ON "audit_log" USING btree ("entity","entity_id");