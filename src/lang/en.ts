// English speech conventions for the planner (see rules.ts).
import type { LangRules } from './rules.js';

/** A person named in full (Peter Osei, Grace Whitfield): two or three capitalised words. */
const PERSON = /\b(?:[A-Z][a-z]+ ){1,2}[A-Z][a-z]+\b/;

export const en: LangRules = {
  procedural: [
    /^(?:(?:today|this morning|this afternoon|this evening|tonight),?\s+)?I(?: would like|'d like| want| wish)? to (?:share|say|talk about|speak about|make|offer|raise) (?:a few|three|two|four|some|several) (?:things|points|thoughts|words|observations|remarks)/i,
    /^(?:let me|allow me to) (?:begin|start|turn|end|close|conclude|say a few words)\b/i,
    /^(?:good (?:morning|afternoon|evening)|hello|hi)\b[^.!?]{0,60}[.!]?$/i,
    // Good morning, everyone, and good morning to colleagues joining us from …: a greeting, however long.
    /^good (?:morning|afternoon|evening),? (?:everyone|everybody|all)\b[^.!?]*(?:good (?:morning|afternoon|evening)|welcome)\b[^.!?]*[.!]?$/i,
    /^I have been (?:told|asked) (?:that )?I have \w+ minutes/i,
    /^I (?:look forward|am looking forward) to (?:the|our) (?:discussions?|conversations?|questions)/i,
    /^(?:I have been asked to speak|I will try to leave time)/i,
    /^if I (?:could|may|might) have your attention\b/i,
    // Thanks for having the speaker; thanks that name no one. (A thanks that names
    // a person or a body, Peter Osei, the Hollis Family Foundation, is a fact worth a bullet.)
    /^(?:thank you to|I (?:also )?(?:want|would like|'d like) to thank|thanks (?:also )?to|my thanks to)\b[^.!?]*\bfor (?:inviting|having|the invitation|the kind invitation|organi[sz]ing|coming|being here|joining)\b/i,
    /^(?:[Tt]hank you to|I (?:also )?(?:want|would like|'d like) to thank|[Tt]hanks (?:also )?to|[Mm]y thanks to)\b(?![^.!?]*\b[A-Z][a-z]+ [A-Z][a-z]+)/,
    /^I (?:want|would like|'d like) to (?:propose|suggest|make|offer) (?:two|three|four|a few|several) /i,
    /^(?:welcome to|I will (?:try to )?keep (?:this|it) (?:short|brief))\b/i,
    /^for those (?:of you )?who (?:don't|do not) know me\b/i,
    /^thank you (?:all )?(?:so much )?for (?:coming|being here|joining us)\b/i,
    /^(?:today,?\s+)?I (?:want|would like|'d like) to (?:say a few words|talk|speak) about\b/i,
    /^(?:it is|it's) (?:wonderful|great|a (?:real |great )?(?:pleasure|privilege|joy)|good|lovely) to (?:see|be)\b/i,
    /^I promise (?:it|this|I) will be\b/i,
    /^I (?:will|'ll) (?:be brief|keep (?:this|it) (?:short|brief))\b/i,
    /^what follows is\b/i,
    /^I have spent (?:much of |most of |a lot of )?the (?:last|past) [^.!?]{0,30}(?:asking|talking|listening|thinking)\b/i,
  ],
  leadIn: /^(?:when|whenever|if|as|because|although|though|while|since|after|before|from|for|in|on|at|with|by|led by|who|which|and|but|so|or|whether)\b/i,
  contrast: /^(?:but|however|yet)\b|^still,/i,
  turn: /^(?:but we (?:must|should) also (?:be honest|recognise|recognize|admit)|at the same time, we (?:must|should))/i,
  pair: [/^(?:not only|on the one hand|either|some)\b/i, /^(?:but also|on the other hand|or|others)\b/i],
  completes: /^(?:is|are|was|were|will|would|can|could|must|should|may|might|has|have|had|matters?)\b/i,
  outcome: /\b(?:highest|lowest|on record|first time|best|worst|fell|rose|improved|doubled|halved|lower than|higher than)\b/i,
  filler: /^(?:this may surprise you|I am (?:often|sometimes|frequently|regularly) asked|people (?:often|sometimes) ask me|let me be (?:clear|honest)|I know what (?:some of )?you (?:are|may be) thinking|that tells you everything|she (?:usually|always) is|he (?:usually|always) is|we listened to that too|we have done that|\w+(?: \w+)? tells (?:its|their) own story)\b/i,
  aside: /^(?:which|who|whom|whose|whether|including|such as|especially|for example|for instance|although|though|in particular)\b/i,
  topics: [
    [/\b(?:purpose of (?:this|today's) (?:meeting|gathering)|we are (?:here|gathered) (?:today )?to)\b/i, 'Why we are here'],
    // I want to do three things in the next twenty minutes. I want to … I want to …: what the talk will cover.
    [/\bI (?:want|would like|'d like|am going) to (?:do|cover|talk about) (?:two|three|four|a few) things\b/i, 'Overview'],
    // (A welcome that thanks the guests in passing is a welcome.)
    [/^(?:[^.!?]{0,160}[:,]\s*)?welcome\b|\bit is a (?:real |great )?pleasure to welcome\b/i, 'Welcome'],
    [/\b(?:thank|grateful|gratitude)\b/i, 'Thanks'],
    [/\b(?:achiev|accomplish|progress|results|milestones?)\w*/i, 'What we have achieved'],
    [/\b(?:challenges?|problems?|risks?|threats?)\b/i, 'The challenges'],
    // Four years ago, this building was an empty warehouse: a look back, Four years on.
    [/\b(\d{1,3}|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-[a-z]+)?|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a hundred) (years|months|decades) ago\b/i, '$1 $2 on'],
  ],
  purpose: /\b(?:the purpose of (?:this|today's) (?:meeting|gathering|conference) is|we are (?:here|gathered) (?:today )?to)\b/i,
  purposeTitle: 'Why we are here',
  topicOpens: [/^(?:the|my|our) (?:first|second|third|fourth|fifth|final|last|next|other) (?:theme|point|priority|lesson|thing|area|challenge|question|message|idea) (?:is|will be|I want to (?:raise|discuss) is)\s+(.{3,40}?)(?:(?:,|;| —| --) .*)?[.!:]?$/i],
  topicAhead: [
    /^(?:(?:so|now|and|okay|ok|right|well),?\s+)?(?:let me|let's|let us|i(?:'d| would) like to|i want to|i'll|i will)\s+(?:start|begin|turn|move on|come|go on)\s+(?:with|to|on)\s+(.{3,40}?)[.!:]?$/i,
    /^(?:now|next|then),?\s+(?:to\s+|on to\s+)?(.{3,40}?)[.!:]$/i,
  ],
  announcesParts: /\b(?:three|two|four|five|a few|several) (?:things|points|parts|areas|priorities|questions|requests|lessons|ideas|reasons|principles|steps|challenges)\b/i,
  reported: /\b(?:just (?:heard|presented|reported)|has just (?:given|presented|spoken))\b/i,
  evaluation: /^(?:which was|it was|that was) (?:excellent|very good|inspiring)/i,
  notATitle: /^(?:today|this morning|when|as|for those|if|\w+ (?:years?|months?|weeks?|days?) ago)\b|\bago(?: this \w+)?$|\b(?:said|says|told|asked)$|^(?:to|dear) (?:the |our |all )?(?:members|graduates|class|friends|colleagues|families|guests)\b/i,
  conclusion: /^(?:let me (?:end|close|conclude|finish)|in closing|to conclude|to close|before I (?:finish|close|sit down))\b/i,
  pledge: /^(?:we will|we shall|we are going to)\b/i,
  exhortation: /^(?:looking ahead|so let us|let us|together,|friends,|colleagues,|so,? as we)/i,
  stance: [
    [/\b(?:need|must|will|should|commit\w*|promise\w*|priorit\w*|goal)\b/i, 1],
    [/\bnot\b[^.;]{1,60}\bbut\b|\bnot only\b/i, 1],
  ],
  existing: /^(?:there (?:are|is|were|was)|we (?:have|had)) (?:now )?(?:more than |over |about |some )?[\d,]+\b/i,
  measure: /^(?:To [a-z]+(?: [a-z]+){0,5}),/,
  measuresTitle: ['What we did', 'What we will do'],
  plan: /\b(?:will|must|shall|need to|are going to)\b/i,
  pointsBack: /^(?:That (?:is|was)|This (?:is|was|shows)|It (?:is|was))\b/,
  concrete: [
    [/\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|percent|half|a third|a quarter|twice|double|triple)\b/i, 2],
    [/\bfrom (?:next|this) (?:year|month|term|semester|week|spring|summer|autumn|fall|winter)\b|\bby (?:the end of|next|this|20\d\d|January|February|March|April|May|June|July|August|September|October|November|December|spring|summer|autumn|fall|winter)\b|\bwithin (?:a|one|two|three|\d+) (?:days?|weeks?|months?|years?)\b|\bdeadline\b/i, 2],
    [/\b(?:at least|at most|free of charge|must|commit\w*|pledge\w*|(?:every|each) (?!of\b|other\b|morning\b|evening\b|night\b|time\b)\w+)\b/i, 1],
    // a person named (Peter Osei, Grace Whitfield), not at the start of the sentence
    [new RegExp('(?<=\\S\\s)' + PERSON.source), 1],
  ],
  person: PERSON,
  namedPerson: null,
  // (A clause that opens with a past-tense verb has its subject in the clause before: bought two …, hung up …)
  dependent: /^(?:(?:too )?(?:many|most|some|few|none|all|half|one|each) of (?:them|these|those)|they|them|which|who|whom|whose|then|thus|therefore|so that|[a-z]+ed|bought|made|took|gave|went|came|became|found|built|brought|won|ran|began|grew|kept|left|met|paid|said|saw|sent|sold|told|wrote|hung)\b/i,
  dates: /(?<!\bby )\b(?:19|20)\d\d\b/g,
};
