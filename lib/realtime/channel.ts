/** The PostgreSQL NOTIFY channel on which a changed inspection's id is published. */
export const INSPECTION_CHANNEL = 'casemark_inspection_changed';
