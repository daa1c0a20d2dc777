/**
 * The firewall in front of the app and its API (AWS WAF on CloudFront), as data: the managed rule
 * groups and the per-address rate limit, each with why. Priced in `npm run cost` (a web ACL and one
 * rule each a month), so a rule added here shows up on the bill.
 */
export interface ManagedRuleGroup {
  name: string;
  /** Rules of the group only counted, not enforced, and why. */
  countOnly: { rule: string; why: string }[];
  why: string;
}

export const MANAGED_RULE_GROUPS: ManagedRuleGroup[] = [
  {
    name: 'AWSManagedRulesCommonRuleSet',
    why: 'OWASP-style probes: cross-site scripting, path traversal, bad bots.',
    countOnly: [
      {
        rule: 'SizeRestrictions_BODY',
        why: 'A self-assessment with its answers and a directory import post more than 8 KB; the API bounds bodies itself (10 MB, 6 MB into Lambda, as the local twin refuses).',
      },
    ],
  },
  { name: 'AWSManagedRulesKnownBadInputsRuleSet', why: 'Requests exploiting known vulnerabilities (Log4j, Java deserialisation).', countOnly: [] },
];

/**
 * Requests per five minutes from one address before it is refused for a while. A commune office,
 * and a whole mobile network behind carrier-grade NAT, share one address: the limit is a flood's,
 * not a busy office's (a secretary's form is a few dozen requests).
 */
export const RATE_LIMIT = { requestsPerFiveMinutes: 3000, scope: '/api/' } as const;

/** Rules on the bill: each managed group and the rate rule. */
export const EDGE_RULE_COUNT = MANAGED_RULE_GROUPS.length + 1;
