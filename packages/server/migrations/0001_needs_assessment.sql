CREATE TABLE "assessment" (
	"id" serial PRIMARY KEY NOT NULL,
	"territory_id" integer NOT NULL,
	"title" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"year" smallint NOT NULL,
	"language" text NOT NULL,
	"status" text DEFAULT 'planning' NOT NULL,
	"rules_of_work" text,
	"plan_approved_on" date,
	"plan_decision" text,
	"conclusions" text,
	"recommendations" text,
	"suppression_threshold" smallint DEFAULT 5 NOT NULL,
	"demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_status" CHECK ("assessment"."status" in ('planning','collecting','analysing','reported')),
	CONSTRAINT "assessment_period" CHECK ("assessment"."period_to" >= "assessment"."period_from")
);
--> statement-breakpoint
CREATE TABLE "assessment_method" (
	"id" serial PRIMARY KEY NOT NULL,
	"assessment_id" integer NOT NULL,
	"method" text NOT NULL,
	"description" text,
	CONSTRAINT "assessment_method_kind" CHECK ("assessment_method"."method" in ('questionnaire','interview','focus_group','administrative_data'))
);
--> statement-breakpoint
CREATE TABLE "finding" (
	"id" serial PRIMARY KEY NOT NULL,
	"assessment_id" integer NOT NULL,
	"method" text NOT NULL,
	"topic" text NOT NULL,
	"respondent_group_id" integer,
	"text" text NOT NULL,
	"quote" text,
	"service_types" text[] DEFAULT '{}' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_measure" (
	"id" serial PRIMARY KEY NOT NULL,
	"assessment_id" integer NOT NULL,
	"activity" text NOT NULL,
	"responsible" text NOT NULL,
	"due_date" date,
	"status" text DEFAULT 'planned' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "plan_measure_status" CHECK ("plan_measure"."status" in ('planned','in_progress','done','cancelled'))
);
--> statement-breakpoint
CREATE TABLE "respondent_group" (
	"id" serial PRIMARY KEY NOT NULL,
	"assessment_id" integer NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"target_respondents" integer DEFAULT 0 NOT NULL,
	"population" integer,
	"population_source" text,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "working_group_member" (
	"id" serial PRIMARY KEY NOT NULL,
	"assessment_id" integer NOT NULL,
	"name" text NOT NULL,
	"organisation" text NOT NULL,
	"role" text NOT NULL,
	"chair" boolean DEFAULT false NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "app_setting" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "collection_link" (
	"id" serial PRIMARY KEY NOT NULL,
	"token" text NOT NULL,
	"questionnaire_id" integer NOT NULL,
	"respondent_group_id" integer,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "export_chunk" (
	"export_id" integer NOT NULL,
	"seq" integer NOT NULL,
	"data" "bytea" NOT NULL,
	CONSTRAINT "export_chunk_export_id_seq_pk" PRIMARY KEY("export_id","seq")
);
--> statement-breakpoint
CREATE TABLE "export_file" (
	"id" serial PRIMARY KEY NOT NULL,
	"questionnaire_id" integer NOT NULL,
	"what" text NOT NULL,
	"format" text NOT NULL,
	"language" text NOT NULL,
	"state" text DEFAULT 'waiting' NOT NULL,
	"progress" double precision DEFAULT 0 NOT NULL,
	"error" text,
	"file_name" text,
	"content_type" text,
	"user_id" integer,
	"size" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "export_file_state" CHECK ("export_file"."state" in ('waiting','running','done','failed'))
);
--> statement-breakpoint
CREATE TABLE "free_text_tag" (
	"id" serial PRIMARY KEY NOT NULL,
	"response_id" bigint NOT NULL,
	"question_name" text NOT NULL,
	"tag" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "question_tag" (
	"id" serial PRIMARY KEY NOT NULL,
	"questionnaire_id" integer NOT NULL,
	"question_name" text NOT NULL,
	"purpose" text NOT NULL,
	"service_type" text,
	"target_group" text,
	"positive_values" text[] DEFAULT '{}' NOT NULL,
	CONSTRAINT "question_tag_purpose" CHECK ("question_tag"."purpose" in ('need','current_use','satisfaction','settlement','information'))
);
--> statement-breakpoint
CREATE TABLE "questionnaire" (
	"id" serial PRIMARY KEY NOT NULL,
	"assessment_id" integer,
	"territory_id" integer,
	"title" text NOT NULL,
	"current_version" integer DEFAULT 1 NOT NULL,
	"demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "questionnaire_version" (
	"id" serial PRIMARY KEY NOT NULL,
	"questionnaire_id" integer NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"languages" text[] NOT NULL,
	"source" text DEFAULT 'editor' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "response" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"questionnaire_id" integer NOT NULL,
	"version" integer NOT NULL,
	"respondent_group_id" integer,
	"settlement_id" integer,
	"answers" jsonb NOT NULL,
	"channel" text NOT NULL,
	"submission_key" text NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"entered_by" integer,
	"dataset_id" integer,
	"demo" boolean DEFAULT false NOT NULL,
	CONSTRAINT "response_channel" CHECK ("response"."channel" in ('web','paper','import'))
);
--> statement-breakpoint
ALTER TABLE "assessment" ADD CONSTRAINT "assessment_territory_id_territory_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territory"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_method" ADD CONSTRAINT "assessment_method_assessment_id_assessment_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding" ADD CONSTRAINT "finding_assessment_id_assessment_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding" ADD CONSTRAINT "finding_respondent_group_id_respondent_group_id_fk" FOREIGN KEY ("respondent_group_id") REFERENCES "public"."respondent_group"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_measure" ADD CONSTRAINT "plan_measure_assessment_id_assessment_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "respondent_group" ADD CONSTRAINT "respondent_group_assessment_id_assessment_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "working_group_member" ADD CONSTRAINT "working_group_member_assessment_id_assessment_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collection_link" ADD CONSTRAINT "collection_link_questionnaire_id_questionnaire_id_fk" FOREIGN KEY ("questionnaire_id") REFERENCES "public"."questionnaire"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collection_link" ADD CONSTRAINT "collection_link_respondent_group_id_respondent_group_id_fk" FOREIGN KEY ("respondent_group_id") REFERENCES "public"."respondent_group"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "export_chunk" ADD CONSTRAINT "export_chunk_export_id_export_file_id_fk" FOREIGN KEY ("export_id") REFERENCES "public"."export_file"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question_tag" ADD CONSTRAINT "question_tag_questionnaire_id_questionnaire_id_fk" FOREIGN KEY ("questionnaire_id") REFERENCES "public"."questionnaire"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire" ADD CONSTRAINT "questionnaire_assessment_id_assessment_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire" ADD CONSTRAINT "questionnaire_territory_id_territory_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territory"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_version" ADD CONSTRAINT "questionnaire_version_questionnaire_id_questionnaire_id_fk" FOREIGN KEY ("questionnaire_id") REFERENCES "public"."questionnaire"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assessment_territory" ON "assessment" USING btree ("territory_id");--> statement-breakpoint
CREATE UNIQUE INDEX "collection_link_token" ON "collection_link" USING btree ("token");--> statement-breakpoint
CREATE UNIQUE INDEX "free_text_tag_once" ON "free_text_tag" USING btree ("response_id","question_name","tag");--> statement-breakpoint
CREATE UNIQUE INDEX "question_tag_once" ON "question_tag" USING btree ("questionnaire_id","question_name","purpose");--> statement-breakpoint
CREATE INDEX "questionnaire_assessment" ON "questionnaire" USING btree ("assessment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "questionnaire_version_number" ON "questionnaire_version" USING btree ("questionnaire_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "response_submission" ON "response" USING btree ("questionnaire_id","submission_key");