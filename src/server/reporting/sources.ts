/**
 * Every indicator's fact source, keyed by indicator code: what reports, dashboards and the aggregate tables read.
 * A module that adds an indicator adds its source here, next to its definition in src/domain/indicators.ts.
 */
import { ACTIVITY_INDICATOR_SOURCES } from '../modules/activities/activities.repo.js';
import { AWARD_INDICATOR_SOURCES } from '../modules/awards/awards.repo.js';
import { COMMITTEE_INDICATOR_SOURCES } from '../modules/committees/committees.repo.js';
import { FEEDBACK_INDICATOR_SOURCES } from '../modules/feedback/feedback.repo.js';
import { MODEL_INDICATOR_SOURCES } from '../modules/models/models.repo.js';
import { PROGRAMME_INDICATOR_SOURCES } from '../modules/programmes/programmes.repo.js';
import { REINTEGRATION_INDICATOR_SOURCES } from '../modules/reintegration/reintegration.repo.js';
import { TEAM_INDICATOR_SOURCES } from '../modules/teams/teams.repo.js';
import type { IndicatorSources } from './rollup.js';

export const ALL_INDICATOR_SOURCES: IndicatorSources = {
  ...TEAM_INDICATOR_SOURCES,
  ...MODEL_INDICATOR_SOURCES,
  ...ACTIVITY_INDICATOR_SOURCES,
  ...AWARD_INDICATOR_SOURCES,
  ...FEEDBACK_INDICATOR_SOURCES,
  ...REINTEGRATION_INDICATOR_SOURCES,
  ...COMMITTEE_INDICATOR_SOURCES,
  ...PROGRAMME_INDICATOR_SOURCES,
};
