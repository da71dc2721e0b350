import type { RuntimeModuleFactory } from '../modules/runtimeModule.js';
import { BookingStore } from './bookingStore.js';
import { calendarAdminRoutes } from './calendarAdminRoutes.js';
import { calendarPublicRoutes } from './calendarPublicRoutes.js';
import { embeddedCalendar } from './embeddedCalendar.js';

/** The calendar used until the first booking names another; it exists from the start so staff can subscribe early. */
export const DEFAULT_CALENDAR = { id: 'default', timeZone: 'Europe/Zurich' };

/** The built-in calendar: `services.calendar`, staff routes and the ICS files. */
export const calendarModule: RuntimeModuleFactory = async ({ database }) => {
  const clock = () => new Date();
  const store = new BookingStore(database.client, clock);
  await store.ensureCalendar(DEFAULT_CALENDAR.id, DEFAULT_CALENDAR.timeZone);
  return {
    name: 'calendar',
    services: { calendar: embeddedCalendar(store) },
    adminRoutes: calendarAdminRoutes(store),
    publicRoutes: calendarPublicRoutes(store, clock),
  };
};
