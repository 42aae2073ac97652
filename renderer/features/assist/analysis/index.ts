/** Public API of the assist pane's text analysis (see README.md in this folder). */
export { AssistAnalyzer, type AnalysisUpdate, type AnalyzerOptions } from './analyzer';
export { ChecklistTracker, phraseScore, type ChecklistItem, type ChecklistItemState, type ChecklistTick } from './checklist';
export { findDigitRuns, maskDigits, type DigitRun, type MaskOptions } from './digits';
export { KeywordRules, KeywordWatcher, type KeywordMatch, type KeywordUpdate } from './keyword-rules';
export { PaceMeter, countSpeech, type PaceEvent, type PaceSnapshot } from './pace';
export { PciGuard, type PciDecision, type PciGuardOptions } from './pci-guard';
export { PhraseMatcher } from './phrase-match';
export { SentimentTracker, scoreSentiment, type SentimentHit, type SentimentReading, type SentimentScore } from './sentiment';
export { INTENT_WEIGHTS, pickIntent, summarizeCall, type CallSummary, type IntentWeights, type OfferedCode, type SuggestionSnapshot, type SummaryFact, type SummaryInput, type SummaryLine } from './summary';
export { codeLabel, renderSummary } from './summary-text';
export { checkEvent, pickLabel, type AnalysisLabel, type Leg, type TranscriptEvent, type UiLanguage } from './types';
export { isFiller, isGreeting, utteranceRole, withoutGreeting, type UtteranceRole } from './utterance-role';
export { UtteranceStream, type Utterance, type UtteranceChange } from './utterances';
export { assistVocabulary } from './vocabulary';
