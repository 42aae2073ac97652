/** Every feature's UI strings, listed once by the composition root; add a feature's messages here. */
import { agentMessages } from '../features/agent/messages';
import { assistMessages } from '../features/assist/messages';
import { devicesMessages } from '../features/devices/messages';
import { diagnosticsMessages } from '../features/diagnostics/messages';
import { knowledgeMessages } from '../features/knowledge/messages';
import { phoneMessages } from '../features/phone/messages';
import { qualityMessages } from '../features/quality/messages';
import { recordingMessages } from '../features/recording/messages';
import { screenpopMessages } from '../features/screenpop/messages';
import { shortcutsMessages } from '../features/shortcuts/messages';
import { signInMessages } from '../features/sign-in/messages';
import { supervisionCallsMessages, supervisionMessages } from '../features/supervision/messages';
import { updatesMessages } from '../features/updates/messages';
import { clickToDialMessages } from '../features/click-to-dial/messages';
import { callbacksMessages } from '../features/callbacks/messages';
import { appMessages } from './messages';

export const messageBundles = [appMessages, phoneMessages, agentMessages, devicesMessages, screenpopMessages, qualityMessages, shortcutsMessages, knowledgeMessages, recordingMessages, assistMessages, supervisionMessages, supervisionCallsMessages, signInMessages, updatesMessages, clickToDialMessages, diagnosticsMessages, callbacksMessages] as const;

/** English, the typed shape of every key (see i18next.d.ts). */
export const en = { ...appMessages.en, ...phoneMessages.en, ...agentMessages.en, ...devicesMessages.en, ...screenpopMessages.en, ...qualityMessages.en, ...shortcutsMessages.en, ...knowledgeMessages.en, ...recordingMessages.en, ...assistMessages.en, ...supervisionMessages.en, ...supervisionCallsMessages.en, ...signInMessages.en, ...updatesMessages.en, ...clickToDialMessages.en, ...diagnosticsMessages.en, ...callbacksMessages.en };
