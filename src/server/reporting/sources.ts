/**
 * Every indicator's fact source, keyed by indicator code: what reports, dashboards and the aggregate tables read.
 * A module that adds an indicator adds its source here, next to its definition in src/domain/indicators.ts.
 * Not here: `share` indicators (computed from two other columns after the roll-up) and `standard_overdue` (the
 * overdue units come from the deadlines of the recognition cycle, computed by its service for a dashboard).
 */
import { ACTIVITY_INDICATOR_SOURCES } from '../modules/activities/activities.repo.js';
import { AWARD_INDICATOR_SOURCES } from '../modules/awards/awards.repo.js';
import { COMMITTEE_INDICATOR_SOURCES } from '../modules/committees/committees.repo.js';
import { CRIME_REPORT_INDICATOR_SOURCES } from '../modules/crime-reports/crime-reports.repo.js';
import { FEEDBACK_INDICATOR_SOURCES } from '../modules/feedback/feedback.repo.js';
import { MODEL_INDICATOR_SOURCES } from '../modules/models/models.repo.js';
import { PROGRAMME_INDICATOR_SOURCES } from '../modules/programmes/programmes.repo.js';
import { RECOGNITION_INDICATOR_SOURCES } from '../modules/recognition/recognition.repo.js';
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
  ...CRIME_REPORT_INDICATOR_SOURCES,
  ...RECOGNITION_INDICATOR_SOURCES,
};
