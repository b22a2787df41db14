DROP INDEX "service_site_key_year";--> statement-breakpoint
CREATE UNIQUE INDEX "service_site_place_key_year" ON "service_site" USING btree ("settlement_id","site_key","year");