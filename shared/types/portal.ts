// Kept only while client files still import '#shared/types/portal': the glossary splits these
// types by domain (catalog.ts, learning.ts, student.ts). Delete once nothing imports this file.
export type * from './catalog'
export type * from './learning'
export type * from './student'
