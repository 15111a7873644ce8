export {
  answerErrors,
  sumInstrument,
  type AnswerError,
  type Instrument,
  type SelfCheckBand,
  type SumInstrumentSpec,
} from './instrument';
export { SINGLE_ITEM } from './single-item.instrument';
export { edizPlusInstrument } from './ediz-plus.instrument';
export {
  INSTRUMENT_LOCALES,
  INSTRUMENT_RESOURCES,
  selfCheckHelp,
  shareTexts,
  type InstrumentLocale,
  type InstrumentResource,
  type InstrumentTexts,
  type SelfCheckHelp,
} from './instrument-texts';
export {
  InstrumentRegistry,
  UNSHIPPABLE_INSTRUMENTS,
  textErrors,
  type SelfCheckOutcome,
} from './instrument-registry';
