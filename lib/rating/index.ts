/**
 * The rating engine: pure functions from counts, judgements and panel decisions to key-question
 * percentages, standard ratings, discretion flags and the overall rating. The method and the
 * report passages it comes from are in docs/rating-method.md.
 */
export * from './key-question';
export * from './bands';
export * from './standard-rating';
export * from './discretion';
export * from './overall';
export * from './compute-inspection';
export * from './tally';
export * from './report';
