-- The registry list under load (issue 7): the list filters by the places a site stands in or
-- serves, by service type and by year, and pages in the order year desc, name, id.
CREATE INDEX "service_site_serves" ON "service_site" USING gin ("serves_ids");--> statement-breakpoint
CREATE INDEX "service_site_type_year" ON "service_site" USING btree ("service_type","year");--> statement-breakpoint
CREATE INDEX "service_site_year_name" ON "service_site" USING btree ("year" DESC,"name","id");
