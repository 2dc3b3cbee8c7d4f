/** Fictitious pupils (first names among the most given in France around 2012), for the demo collèges. */
const FIRST_NAMES = ['Inès', 'Lucas', 'Jade', 'Nathan', 'Louise', 'Hugo', 'Emma', 'Enzo', 'Chloé', 'Adam', 'Lina', 'Raphaël'];
const LAST_NAMES = ['Martin', 'Bernard', 'Roux', 'Fabre', 'Chabaud', 'Guiraud', 'Bonnet', 'Mercier', 'Peyre', 'Vidal', 'Arnaud', 'Teissier'];

export interface DemoPupil {
  firstName: string;
  lastName: string;
  className: string;
  /** Month and day of birth; the year makes the pupil 14 or 15 at the demo's date. */
  birthMonth: number;
  birthDay: number;
}

export const DEMO_PUPILS_PER_COLLEGE = 12;

export function demoPupils(collegeIndex: number): DemoPupil[] {
  return Array.from({ length: DEMO_PUPILS_PER_COLLEGE }, (_, index) => ({
    firstName: FIRST_NAMES[(index + collegeIndex * 5) % FIRST_NAMES.length] ?? 'Camille',
    lastName: LAST_NAMES[(index * 7 + collegeIndex) % LAST_NAMES.length] ?? 'Durand',
    className: index % 2 === 0 ? '3e A' : '3e B',
    birthMonth: (index * 5 + collegeIndex) % 12,
    birthDay: 1 + ((index * 11 + collegeIndex * 3) % 28),
  }));
}
