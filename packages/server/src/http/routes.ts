import type { CountryModels } from '../model/country-model';
import { sessionRoutes } from '../accounts/session-routes';
import { userRoutes } from '../accounts/user-routes';
import { assessmentRoutes } from '../assessments/routes';
import { auditRoutes } from '../audit/routes';
import { catalogueRoutes } from '../catalogue/routes';
import { exportRoutes } from '../exports/routes';
import { gapRoutes } from '../gaps/routes';
import { geoRoutes } from '../geo/routes';
import { importRoutes } from '../imports/routes';
import { normRoutes } from '../norms/routes';
import { planningRoutes } from '../planning/routes';
import { populationRoutes } from '../population/routes';
import { serviceSiteRoutes } from '../service-sites/routes';
import { servicesReviewRoutes } from '../services-review/routes';
import { surveyRoutes } from '../surveys/routes';
import { responseImportRoutes } from '../surveys/response-import-routes';
import { xlsFormRoutes } from '../surveys/xlsform-routes';
import { surveyExportRoutes } from '../surveys/export-routes';
import { territoryRoutes } from '../territories/routes';
import type { App, AppOptions } from './app';
import { healthRoutes } from './health-routes';

/** What every feature's routes get: the options and one shared cache of country models. */
export type RouteContext = AppOptions & { models: CountryModels };

export async function registerRoutes(app: App, ctx: RouteContext): Promise<RouteContext> {
  healthRoutes(app, ctx);
  sessionRoutes(app, ctx);
  userRoutes(app, ctx);
  territoryRoutes(app, ctx);
  populationRoutes(app, ctx);
  catalogueRoutes(app, ctx);
  normRoutes(app, ctx);
  serviceSiteRoutes(app, ctx);
  gapRoutes(app, ctx);
  geoRoutes(app, ctx);
  importRoutes(app, ctx);
  exportRoutes(app, ctx);
  auditRoutes(app, ctx);
  assessmentRoutes(app, ctx);
  surveyRoutes(app, ctx);
  xlsFormRoutes(app, ctx);
  responseImportRoutes(app, ctx);
  surveyExportRoutes(app, ctx);
  planningRoutes(app, ctx);
  servicesReviewRoutes(app, ctx);
  return ctx;
}
