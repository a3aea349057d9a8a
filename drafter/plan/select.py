"""Which library measures a draft carries, and in which era's wording.

The rule, in the order it is applied (docs/LIBRARY.md says the same in words):
1. Fit: the measure's levels include the locality's tier and the locality has every power
   it requires (local legislation, autonomy, districts, townships, streets).
2. Era: a policy with `since` Y is left out of a plan starting before Y; a 2021–2025-round
   measure (`until` Y, or an absolute-year deadline Y) is used as written only by plans
   starting in or before Y; later plans get its `later` wording (consolidation, no fresh
   deadline) or leave it out.
3. The profile's `selection.drop`; a measure the profile rewrites (`selection.replace`) is
   always taken.
4. Requirements (obligations.yaml): at every detail level the measure that carries each
   requirement binding the locality (its level, and a carrier that fits and is in era) is
   taken first: the first of the requirement's measures the profile did not drop.
5. Detail: per topic, measures ranked by `key` first, then support across the five plans,
   then library order, fill the rest of the quota: `standard` takes the topic's weight,
   `compact` half of it (at least one), `full` all. With `selection.model`, the fewest
   measures that carry every item of the model plan instead (see model()). The locality's own
   measures (plan/localfacts.py) take places of the quota from the ranking only, never from a
   requirement's carrier (the topic then grows); the generic measures they push out are listed
   (`Outcome.displaced`) and `drafter check` names each.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..library import Library, Measure, Requirement, Topic
from ..profile import Profile
from ..library.obligations import FROM as REGISTER_FROM
from .units import lower_govs

LEGISLATIVE_LEVELS = frozenset({"prefecture_city", "autonomous_prefecture"})
AUTONOMOUS_LEVELS = frozenset({"autonomous_prefecture", "autonomous_county", "autonomous_banner"})


def _party_issuer(name: str) -> bool:
    """中共清河县委, 中共浏阳市委员会, 浏阳市委 — not a 人民政府 nor its 办公室."""
    return "政府" not in name and (name.startswith("中共") or "党委" in name or name.endswith(("委", "委员会")))


def government_only(profile: Profile) -> bool:
    """document.issuers names the government (or its office) and no 党委: only then does a measure
    take its government-issue leads and words (Measure.joint not applied: 任前法律知识测试 “配合组织部门”)."""
    return bool(profile.issuers) and not any(map(_party_issuer, profile.issuers))


def party_leads_party_work(profile: Profile) -> bool:
    """Party bodies lead the party's own work (机构编制, 任前法律知识测试, 干部考察) whether the plan is
    issued jointly or the issuers are not written, as real county plans have it (司法厅 read s14 N-W6:
    one draft had 组织部 lead 干部考察 and 司法局 “配合组织部门” on the 任前测试); a plan the profile says
    the government alone issues keeps the government-issue words."""
    return not government_only(profile)


def own_words(measure: Measure, drafted: set[str]) -> tuple[str, str]:
    """(text, title) without the words another measure of this draft says (one piece of work, one
    measure): the combined training measure of a compact draft keeps 执法资格管理, a standard one
    leaves it to the 执法人员资格管理 measure, with the title the library gives for that case."""
    text, title = measure.text, measure.title
    for other, words, retitled in measure.leaves_to:
        if other in drafted and words in text:
            text, title = text.replace(words, "", 1), retitled or title
    return text, title


def powers(profile: Profile) -> frozenset[str]:
    """What the locality has: legislation, autonomy, districts, townships, streets."""
    level = profile.jurisdiction.level
    below = lower_govs(profile)
    has = set()
    has.add("legislation" if level.key in LEGISLATIVE_LEVELS else "no_legislation")
    if level.key in AUTONOMOUS_LEVELS:
        has.add("autonomy")
    if level.tier == "city":
        if "区" in below:
            has.add("districts")
        has |= {"townships", "streets"}
    else:
        if any(word in below for word in ("乡", "镇", "苏木")):
            has.add("townships")
        if "街道" in below:
            has.add("streets")
    return frozenset(has)


def quota(topic: Topic, detail: str) -> int:
    if detail == "full":
        return len(topic.measures)
    if detail == "compact":
        return max(1, topic.weight // 2)
    return topic.weight


def ranked(measures: list[Measure], order: dict[str, int]) -> list[Measure]:
    return sorted(measures, key=lambda m: (not m.key, -m.support, order[m.id]))


@dataclass
class Outcome:
    """A topic's chosen measures, and why each other measure is out."""
    chosen: list[Measure]
    dropped: list[str]
    not_for_level: list[str]
    retired: list[str]
    not_yet: list[str]
    beyond_detail: list[str]
    rewritten: list[str]
    # generic measures the ranking would take but the locality's own measures took their places
    # (`reserved`); never a requirement's carrier, which is always taken (rule 4)
    displaced: list[str] = field(default_factory=list)


def in_era(measure: Measure, start: int) -> tuple[Measure | None, str]:
    """The measure as a plan starting in `start` words it: (measure, "") or (None, reason)."""
    if measure.since is not None and start < measure.since:
        return None, "not_yet"
    if measure.until is not None and start > measure.until:
        if measure.later is None:
            return None, "retired"
        later = measure.later
        # the later wording carries only the figures it still names (网上可办率 80% goes with 2025)
        params = tuple(name for name in measure.params if "{" + name + "}" in later.text)
        # consolidation carries no fresh deadline: nor an assumed one (plan/milestones.py)
        return replace(measure, title=later.title or measure.title, text=later.text, deadline=later.deadline,
                       until=None, params=params, milestone=None), "rewritten"
    return measure, ""


def fits(measure: Measure, profile: Profile, have: frozenset[str]) -> bool:
    """Rules 1 and 2: the locality's tier and powers, and a wording for the plan's period."""
    return (profile.jurisdiction.level.tier in measure.levels and measure.requires <= have
            and in_era(measure, profile.period.start)[0] is not None)


def requirements(profile: Profile, library: Library, topic: str | None = None) -> list[tuple[Requirement, str | None]]:
    """Each requirement binding the locality (its level, and a carrier fitting in kind and era),
    with the measure that carries it in this draft, or None when the profile dropped them all."""
    have = powers(profile)
    found: list[tuple[Requirement, str | None]] = []
    if profile.period.start < REGISTER_FROM:
        return found  # the register states what a 2026—2030 plan must carry
    for requirement in library.requirements:
        if topic is not None and requirement.topic != topic:
            continue
        if profile.jurisdiction.level.tier not in requirement.levels:
            continue
        fitting = [m for m in requirement.measures if fits(library.measure(m), profile, have)]
        if fitting:
            found.append((requirement, next((m for m in fitting if m not in profile.drop), None)))
    return found


def choose(topic: Topic, profile: Profile, library: Library, reserved: int = 0) -> Outcome:
    """The topic's measures for this profile, in draft order, and why the others are out.
    `reserved`: places of the quota the locality's own measures take (plan/localfacts.py)."""
    outcome = Outcome([], [], [], [], [], [], [])
    have = powers(profile)
    fitting: list[Measure] = []
    for measure in topic.measures:
        if profile.jurisdiction.level.tier not in measure.levels or not measure.requires <= have:
            outcome.not_for_level.append(measure.id)
            continue
        version, why = in_era(measure, profile.period.start)
        if version is None:
            getattr(outcome, why).append(measure.id)
            continue
        if why:
            outcome.rewritten.append(measure.id)
        if measure.id in profile.drop:
            outcome.dropped.append(measure.id)
            continue
        fitting.append(version)
    order = {measure.id: index for index, measure in enumerate(topic.measures)}
    best = ranked(fitting, order)
    must = {carrier for _, carrier in requirements(profile, library, topic.id) if carrier}
    wanted: set[str] = set()  # what the ranking takes without the locality's own measures
    if profile.model:
        keep = model(best, profile.model)
        # the model plan's own figures: a measure of the model carrying a target the profile sets
        keep |= {m.id for m in best if set(m.params) & set(profile.targets) and _cites(m, profile.model)}
    else:
        places = quota(topic, profile.detail)
        keep = _filled(best, must, places - (reserved if profile.detail != "full" else 0))
        if reserved and profile.detail != "full":
            wanted = _filled(best, must, places)
    keep |= {m.id for m in best if m.id in must}  # rule 4, with a model plan too
    keep |= {m.id for m in best if m.id in profile.replace}  # a measure the profile rewrote is wanted
    if wanted:
        outcome.displaced = [m.id for m in best if m.id in wanted and m.id not in keep]
    # The draft keeps library order within a topic: the order the authors wrote it in.
    outcome.chosen = [m for m in fitting if m.id in keep]
    outcome.beyond_detail = [m.id for m in fitting if m.id not in keep]
    return outcome


def _filled(best: list[Measure], must: set[str], places: int) -> set[str]:
    """Rules 4 and 5: every requirement's carrier, then the ranking up to `places` measures. A
    locality's own measures take places only from the ranking: when the carriers alone fill the
    places left, the topic grows rather than lose a carrier (s14 E-A1)."""
    keep = {m.id for m in best if m.id in must}
    for measure in best:
        if len(keep) >= places:
            break
        keep.add(measure.id)
    return keep


def _cites(measure: Measure, keys: tuple[str, ...]) -> bool:
    return any(source.split(":", 1)[0] in keys for source in measure.sources)


def model(best: list[Measure], keys: tuple[str, ...]) -> set[str]:
    """A model plan's measures: the fewest library measures that together carry every item of
    the model plan in this topic (greedy cover, best-ranked first), current national policy
    marked key with no seed behind it, and, for a topic the model left empty, its first measure."""

    def items(measure: Measure) -> set[str]:
        return {source for source in measure.sources if source.split(":", 1)[0] in keys}

    uncovered = set().union(*(items(m) for m in best)) if best else set()
    keep: set[str] = set()
    while uncovered:
        # max() keeps the first of equals, and `best` is in rank order
        choice = max(best, key=lambda m: len(items(m) & uncovered))
        keep.add(choice.id)
        uncovered -= items(choice)
    keep |= {m.id for m in best if m.key and not m.sources}
    if not keep and best:
        keep.add(best[0].id)
    return keep
