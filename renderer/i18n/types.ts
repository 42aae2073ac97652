import type { Language } from '@common/contract/policy';

/** Same keys as T, any strings: what a translation must provide. */
export type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** A feature's strings in every UI language; `en` keeps its literal type for typed keys. */
export type LocaleBundle<T> = { en: T } & Record<Exclude<Language, 'en'>, Widen<T>>;
