CREATE TABLE "consultation" (
	"id" serial PRIMARY KEY NOT NULL,
	"round_id" integer NOT NULL,
	"territory_id" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"intro" text DEFAULT '' NOT NULL,
	"sections" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consultation_kind" CHECK ("consultation"."kind" in ('draft_agreement','planning_proposal','programme','report')),
	CONSTRAINT "consultation_period" CHECK ("consultation"."opens_on" <= "consultation"."closes_on")
);
--> statement-breakpoint
CREATE TABLE "consultation_comment" (
	"id" serial PRIMARY KEY NOT NULL,
	"consultation_id" integer NOT NULL,
	"target" jsonb NOT NULL,
	"body" text NOT NULL,
	"name" text,
	"organisation" text,
	"consent" boolean DEFAULT false NOT NULL,
	"erased_at" timestamp with time zone,
	"status" text DEFAULT 'pending' NOT NULL,
	"hidden_reason" text,
	"verdict" text,
	"reason" text DEFAULT '' NOT NULL,
	"change" text DEFAULT '' NOT NULL,
	"changed_item_id" integer,
	"answered_by" integer,
	"answered_at" timestamp with time zone,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consultation_comment_status" CHECK ("consultation_comment"."status" in ('pending','published','hidden')),
	CONSTRAINT "consultation_comment_verdict" CHECK ("consultation_comment"."verdict" is null or "consultation_comment"."verdict" in ('accepted','partly','rejected'))
);
--> statement-breakpoint
ALTER TABLE "consultation" ADD CONSTRAINT "consultation_round_id_planning_round_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."planning_round"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation" ADD CONSTRAINT "consultation_territory_id_territory_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territory"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation" ADD CONSTRAINT "consultation_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_comment" ADD CONSTRAINT "consultation_comment_consultation_id_consultation_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_comment" ADD CONSTRAINT "consultation_comment_answered_by_app_user_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consultation_round" ON "consultation" USING btree ("round_id");--> statement-breakpoint
CREATE INDEX "consultation_comment_consultation" ON "consultation_comment" USING btree ("consultation_id");