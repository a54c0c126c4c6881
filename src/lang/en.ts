// English speech conventions for the planner (see rules.ts).
import type { LangRules } from './rules.js';

export const en: LangRules = {
  procedural: [
    /^(?:today,?\s+)?I(?: would|'d| want to| wish to)? like to (?:share|say|talk about|speak about|make|offer|raise) (?:a few|three|two|four|some|several) (?:things|points|thoughts|words|observations|remarks)/i,
    /^(?:let me|allow me to) (?:begin|start|turn|end|close|conclude|say a few words)\b/i,
    /^(?:good (?:morning|afternoon|evening)|hello|hi)\b[^.!?]{0,60}[.!]?$/i,
    /^I have been (?:told|asked) (?:that )?I have \w+ minutes/i,
    /^I (?:look forward|am looking forward) to (?:the|our) (?:discussions?|conversations?|questions)/i,
    /^(?:I have been asked to speak|I will try to leave time)/i,
    /^if I (?:could|may|might) have your attention\b/i,
    /^(?:thank you to|I (?:want|would like|'d like) to thank|thanks (?:also )?to|my thanks to)\b/i,
    /^I (?:want|would like|'d like) to (?:propose|suggest|make|offer) (?:two|three|four|a few|several) /i,
    /^(?:welcome to|I will (?:try to )?keep (?:this|it) (?:short|brief))\b/i,
    /^for those (?:of you )?who (?:don't|do not) know me\b/i,
  ],
  leadIn: /^(?:when|whenever|if|as|because|although|though|while|since|after|before|from|for|in|on|at|with|by|led by|who|which|and|but|so|or|whether)\b/i,
  turn: /^(?:but we (?:must|should) also (?:be honest|recognise|recognize|admit)|at the same time, we (?:must|should))/i,
  pair: [/^(?:not only|on the one hand|either|some)\b/i, /^(?:but also|on the other hand|or|others)\b/i],
  completes: /^(?:is|are|was|were|will be|must be|matters?)\b/i,
  outcome: /\b(?:highest|lowest|on record|first time|best|worst|fell|rose|improved|doubled|halved|lower than|higher than)\b/i,
  aside: /^(?:which|who|whom|whose|whether|including|such as|especially|for example|for instance|although|though|in particular)\b/i,
  topics: [
    [/\b(?:purpose of (?:this|today's) (?:meeting|gathering)|we are (?:here|gathered) (?:today )?to)\b/i, 'Why we are here'],
    [/\b(?:thank|grateful|gratitude)\b/i, 'Thanks'],
    [/\b(?:achiev|accomplish|progress|results|milestones?)\w*/i, 'What we have achieved'],
    [/\b(?:challenges?|problems?|risks?|threats?)\b/i, 'The challenges'],
  ],
  purpose: /\b(?:the purpose of (?:this|today's) (?:meeting|gathering|conference) is|we are (?:here|gathered) (?:today )?to)\b/i,
  purposeTitle: 'Why we are here',
  announcesParts: /\b(?:three|two|four|five|a few|several) (?:things|points|parts|areas|priorities|questions|requests)\b/i,
  reported: /\b(?:just (?:heard|presented|reported)|has just (?:given|presented|spoken))\b/i,
  evaluation: /^(?:which was|it was|that was) (?:excellent|very good|inspiring)/i,
  notATitle: /^(?:today|this morning|when|as|for those|if)\b|\b(?:said|says|told|asked)$/i,
  conclusion: /^(?:let me (?:end|close|conclude|finish)|in closing|to conclude|to close|before I (?:finish|close|sit down))\b/i,
  exhortation: /^(?:looking ahead|so let us|let us|together,|friends,|colleagues,|so,? as we)/i,
};
