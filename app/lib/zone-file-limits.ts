/**
 * Largest files the priority-zone imports accept: the national FRR list is about 1 MB as XLSX; the national QPV
 * GeoJSON is much larger than the Gard's part.
 */
export const MAX_FRR_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_QPV_FILE_BYTES = 50 * 1024 * 1024;
