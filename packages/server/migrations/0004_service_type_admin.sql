ALTER TABLE "service_type" ADD COLUMN "translations" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "service_type" ADD COLUMN "retired_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "service_type_official_code" ON "service_type" USING btree ("country","official_code") WHERE "service_type"."official_code" is not null;
