CREATE TABLE "meeting_attachment" (
	"id" serial PRIMARY KEY NOT NULL,
	"meeting_id" integer NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"bytes" "bytea" NOT NULL,
	"uploaded_by" integer,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_decision" (
	"id" serial PRIMARY KEY NOT NULL,
	"meeting_id" integer NOT NULL,
	"number" integer NOT NULL,
	"text" text NOT NULL,
	"owner_territory_id" integer,
	"due_date" date
);
--> statement-breakpoint
CREATE TABLE "meeting_participant" (
	"id" serial PRIMARY KEY NOT NULL,
	"meeting_id" integer NOT NULL,
	"person_name" text NOT NULL,
	"organisation" text DEFAULT '' NOT NULL,
	"role" text DEFAULT '' NOT NULL,
	"present" boolean DEFAULT false NOT NULL,
	"user_id" integer
);
--> statement-breakpoint
CREATE TABLE "round_meeting" (
	"id" serial PRIMARY KEY NOT NULL,
	"round_id" integer NOT NULL,
	"date" date NOT NULL,
	"time" text DEFAULT '' NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"chair" text DEFAULT '' NOT NULL,
	"agenda" text DEFAULT '' NOT NULL,
	"minutes" text DEFAULT '' NOT NULL,
	"follow_up_of" integer,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "round_task" (
	"id" serial PRIMARY KEY NOT NULL,
	"round_id" integer NOT NULL,
	"stage_id" integer,
	"decision_id" integer,
	"owner_territory_id" integer,
	"title" text NOT NULL,
	"due_date" date,
	"status" text DEFAULT 'open' NOT NULL,
	"done_date" date,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "round_task_status" CHECK ("round_task"."status" in ('open','done'))
);
--> statement-breakpoint
CREATE TABLE "agreement_version" (
	"id" serial PRIMARY KEY NOT NULL,
	"round_id" integer NOT NULL,
	"number" integer NOT NULL,
	"content" jsonb NOT NULL,
	"content_hash" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"signed_at" timestamp with time zone,
	CONSTRAINT "agreement_version_status" CHECK ("agreement_version"."status" in ('draft','signed'))
);
--> statement-breakpoint
CREATE TABLE "mayor_position" (
	"id" serial PRIMARY KEY NOT NULL,
	"version_id" integer NOT NULL,
	"municipality_id" integer NOT NULL,
	"position" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"decision_number" text,
	"decision_date" date,
	"signatory_name" text DEFAULT '' NOT NULL,
	"recorded_by" integer,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mayor_position_position" CHECK ("mayor_position"."position" in ('agrees','objects','signed')),
	CONSTRAINT "mayor_position_reason" CHECK ("mayor_position"."position" <> 'objects' or length("mayor_position"."reason") > 0),
	CONSTRAINT "mayor_position_decision" CHECK ("mayor_position"."position" <> 'signed' or ("mayor_position"."decision_number" is not null and "mayor_position"."decision_date" is not null))
);
--> statement-breakpoint
CREATE TABLE "planning_template" (
	"id" serial PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"country" text NOT NULL,
	"name" text,
	"legal_basis" text DEFAULT '' NOT NULL,
	"stages" jsonb NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_scenario" (
	"id" serial PRIMARY KEY NOT NULL,
	"round_id" integer NOT NULL,
	"name" text NOT NULL,
	"item_changes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"population_changes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reminder_sent" (
	"user_id" integer NOT NULL,
	"day" date NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reminder_sent_user_id_day_pk" PRIMARY KEY("user_id","day")
);
--> statement-breakpoint
CREATE TABLE "calendar_token" (
	"user_id" integer PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "meeting_attachment" ADD CONSTRAINT "meeting_attachment_meeting_id_round_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."round_meeting"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attachment" ADD CONSTRAINT "meeting_attachment_uploaded_by_app_user_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_decision" ADD CONSTRAINT "meeting_decision_meeting_id_round_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."round_meeting"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_decision" ADD CONSTRAINT "meeting_decision_owner_territory_id_territory_id_fk" FOREIGN KEY ("owner_territory_id") REFERENCES "public"."territory"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_participant" ADD CONSTRAINT "meeting_participant_meeting_id_round_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."round_meeting"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_participant" ADD CONSTRAINT "meeting_participant_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_meeting" ADD CONSTRAINT "round_meeting_round_id_planning_round_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."planning_round"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_meeting" ADD CONSTRAINT "round_meeting_follow_up_of_round_meeting_id_fk" FOREIGN KEY ("follow_up_of") REFERENCES "public"."round_meeting"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_meeting" ADD CONSTRAINT "round_meeting_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_task" ADD CONSTRAINT "round_task_round_id_planning_round_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."planning_round"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_task" ADD CONSTRAINT "round_task_stage_id_round_stage_id_fk" FOREIGN KEY ("stage_id") REFERENCES "public"."round_stage"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_task" ADD CONSTRAINT "round_task_decision_id_meeting_decision_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."meeting_decision"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_task" ADD CONSTRAINT "round_task_owner_territory_id_territory_id_fk" FOREIGN KEY ("owner_territory_id") REFERENCES "public"."territory"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_task" ADD CONSTRAINT "round_task_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_version" ADD CONSTRAINT "agreement_version_round_id_planning_round_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."planning_round"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_version" ADD CONSTRAINT "agreement_version_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mayor_position" ADD CONSTRAINT "mayor_position_version_id_agreement_version_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."agreement_version"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mayor_position" ADD CONSTRAINT "mayor_position_municipality_id_territory_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."territory"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mayor_position" ADD CONSTRAINT "mayor_position_recorded_by_app_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_template" ADD CONSTRAINT "planning_template_updated_by_app_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_scenario" ADD CONSTRAINT "plan_scenario_round_id_planning_round_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."planning_round"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_scenario" ADD CONSTRAINT "plan_scenario_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_sent" ADD CONSTRAINT "reminder_sent_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_token" ADD CONSTRAINT "calendar_token_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meeting_attachment_meeting" ON "meeting_attachment" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "meeting_decision_meeting" ON "meeting_decision" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "meeting_participant_meeting" ON "meeting_participant" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "round_meeting_round" ON "round_meeting" USING btree ("round_id");--> statement-breakpoint
CREATE INDEX "round_task_round" ON "round_task" USING btree ("round_id");--> statement-breakpoint
CREATE UNIQUE INDEX "agreement_version_round_number" ON "agreement_version" USING btree ("round_id","number");--> statement-breakpoint
CREATE INDEX "agreement_version_round_hash" ON "agreement_version" USING btree ("round_id","content_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "mayor_position_version_municipality" ON "mayor_position" USING btree ("version_id","municipality_id");--> statement-breakpoint
CREATE UNIQUE INDEX "planning_template_key" ON "planning_template" USING btree ("key");--> statement-breakpoint
CREATE INDEX "plan_scenario_round" ON "plan_scenario" USING btree ("round_id");--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_token_hash" ON "calendar_token" USING btree ("token_hash");