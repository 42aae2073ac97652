/** Every feature's UI strings, listed once by the composition root; add a feature's messages here. */
import { agentMessages } from '../features/agent';
import { assistMessages } from '../features/assist';
import { devicesMessages } from '../features/devices';
import { knowledgeMessages } from '../features/knowledge';
import { phoneMessages } from '../features/phone';
import { qualityMessages } from '../features/quality';
import { recordingMessages } from '../features/recording';
import { screenpopMessages } from '../features/screenpop';
import { shortcutsMessages } from '../features/shortcuts';
import { appMessages } from './messages';

export const messageBundles = [appMessages, phoneMessages, agentMessages, devicesMessages, screenpopMessages, qualityMessages, shortcutsMessages, knowledgeMessages, recordingMessages, assistMessages] as const;

/** English, the typed shape of every key (see i18next.d.ts). */
export const en = { ...appMessages.en, ...phoneMessages.en, ...agentMessages.en, ...devicesMessages.en, ...screenpopMessages.en, ...qualityMessages.en, ...shortcutsMessages.en, ...knowledgeMessages.en, ...recordingMessages.en, ...assistMessages.en };
