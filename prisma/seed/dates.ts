const DAY_MS = 86_400_000;

/** Midnight UTC of a calendar date, as Prisma stores `@db.Date` columns. */
export function utcDate(isoDate: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) throw new RangeError(`Date attendue au format AAAA-MM-JJ : ${isoDate}`);
  const date = new Date(`${isoDate}T00:00:00.000Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== isoDate) throw new RangeError(`Date invalide : ${isoDate}`);
  return date;
}

export function startOfUtcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

export function isMonday(date: Date): boolean {
  return date.getUTCDay() === 1 && date.getTime() === startOfUtcDay(date).getTime();
}

/** The Monday of `date`'s week if it is one, else the next Monday, at midnight UTC. */
export function mondayOnOrAfter(date: Date): Date {
  const day = startOfUtcDay(date);
  return addDays(day, (8 - day.getUTCDay()) % 7);
}

export function daysBetween(from: Date, to: Date): number {
  return Math.round((startOfUtcDay(to).getTime() - startOfUtcDay(from).getTime()) / DAY_MS);
}
