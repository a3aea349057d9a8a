"""Who leads, by rule: the table in docs/LIBRARY.md (“牵头单位的规则”) as code.

`lead_problems` lists every measure that breaks a rule; tests/test_leads.py holds the
library to none and tools/check_library.py prints them for a library author.
"""

from __future__ import annotations

from .model import Library, Measure

# Topics that are the government's own work (its functions, rules, decisions, enforcement,
# reconsideration and litigation, its 督查, 执法监督, 政务公开 and digital government): a party
# organ does not lead a measure there.
GOVERNMENT_TOPICS = (
    "functions.", "rules.", "decisions.", "enforcement.", "disputes.adjudication", "disputes.reconsideration",
    "disputes.litigation", "oversight.inspection", "oversight.enforcement_supervision", "oversight.transparency",
    "digital.",
)
COMMITTEES = ("party_committee", "rule_of_law_committee")
SECTOR_TOPIC = "enforcement.key_areas"
# Where a party organ does lead inside the government's topics: holding officials to account
# (纪检监察, 组织部门 and 巡察 over 追责、问责、巡察、考核) and 网信 over data and network security,
# which the 数据安全法 (art. 6) gives it to co-ordinate. Matched on the measure's title.
PARTY_DUTIES = {
    "discipline": ("追究", "问责", "巡察"), "organization": ("考核", "巡察"), "inspection": ("巡察",),
    "cyberspace": ("数据安全", "网络安全"),
}


# Bodies a government plan cannot assign tasks to: the 人大常委会's working body, the courts and the
# procuratorates. They are neither 牵头 nor 责任单位; a measure about them says what the government
# does for them (支持、配合) or how it answers to them (接受).
NOT_ASSIGNABLE = ("npc_legal", "court", "procuratorate")
ABOUT_THEM = ("法院", "检察机关", "人民检察院", "人大", "立法联系点")
TOWARDS_THEM = ("支持", "配合", "接受")
# 机构编制部门 (编办) serves the 党委's 机构编制委员会: it does not lead the government's work, and
# stands among the 责任单位 only where the measure's subject is 机构编制 (the text names one of these).
STAFFING_SUBJECTS = ("编制", "编随事转", "机构", "职能", "职责", "体制", "权责清单")
# The annual report's duties and dates (督察工作规定; 铜川市年度报告工作指引 据此, see documents.yaml).
ANNUAL_REPORT_WORDS = ("3月1日", "上一级政府有关部门", "同级人大常委会", "上一级党委和政府", "4月1日", "向社会公开")


def _versions(measure: Measure) -> list[str]:
    texts = [measure.title + "：" + measure.text]
    if measure.later is not None:
        texts.append((measure.later.title or measure.title) + "：" + measure.later.text)
    return texts


def _both_issues(measures: list[Measure]) -> list[tuple[Measure, bool]]:
    """Each measure as the government's own plan has it, and as a joint plan has it where that differs."""
    return [pair for m in measures for pair in [(m, False)] + ([(m.as_joint(), True)] if m.joint else [])]


def lead_problems(library: Library) -> list[str]:
    party = {key for key, role in library.roles.items() if role.party}
    problems: list[str] = []
    for m, joint in _both_issues([*library.measures(), *(rule.measure for rule in library.local_measures)]):
        where = f"{m.id}（党委、政府联合印发时）" if joint else m.id
        say = lambda rule: problems.append(f"{where}：{rule}（牵头 {', '.join(m.lead)}；责任 {', '.join(m.partners)}）")  # noqa: E731
        party_leads = [key for key in m.lead if key in party]
        texts = _versions(m)
        # 1. The committees are the subjects of their own duties, never a unit under their office.
        if any(key in COMMITTEES for key in m.lead + m.partners):
            say("党委、党委全面依法治理委员会不作牵头或责任单位，其职责在正文中以其为主语写明")
        # 2. A government-led measure has no party organ among its 责任单位.
        if not party_leads and any(key in party for key in m.partners):
            say("政府部门牵头的措施，责任单位中不列党的组织")
        # 3. The government's own work is led by the government.
        own = [key for key in party_leads if not any(word in m.title for word in PARTY_DUTIES.get(key, ()))]
        if own and m.topic.startswith(GOVERNMENT_TOPICS):
            say("政府自身的工作不由党的组织牵头")
        # 4. Government study: 政府办公室 leads with 司法局.
        if any("会前学法" in text for text in texts):
            if m.lead[:1] != ("gov_office",) or "justice" not in m.lead + m.partners:
                say("政府常务会议会前学法由政府办公室牵头、司法局参加")
        # 5. 司法所 building: 司法局 leads with 编办.
        if "司法所" in m.title and ("justice" not in m.lead or "staffing" not in m.lead + m.partners):
            say("司法所建设由司法局牵头、机构编制部门参加")
        # 6. Sector enforcement: the sector departments lead, 司法局 coordinates.
        if m.topic == SECTOR_TOPIC and ("justice" in m.lead or "justice" not in m.partners):
            say("重点领域执法由行业主管部门牵头，司法局作为责任单位统筹协调")
        # 8. 纪检监察 does not co-lead the government's own work with a government department
        #    (it leads 党内监督 and holding to account; 失信专项治理 is the government's).
        if ("discipline" in m.lead and any(key not in party for key in m.lead)
                and not any(word in m.title for word in PARTY_DUTIES["discipline"])):
            say("纪检监察机关不与政府部门共同牵头政府的工作，只在追责、问责环节依规履职")
        # 9. 综治中心: the 政法委 leads its building (2024 规范化建设意见).
        if any("综治中心" in text for text in texts) and m.lead[:1] != ("political_legal",):
            say("综治中心规范化建设由党委政法委牵头")
        # 10. 款项支付: the department for SMEs co-ordinates (保障中小企业款项支付条例 art. 5).
        if any("款项支付条例" in text for text in texts) and m.lead[:1] != ("industry_it",):
            say("保障中小企业款项支付由负责中小企业促进工作的部门（工业和信息化部门）牵头")
        # 7. The annual report as the 督察工作规定 sets it.
        if "年度报告" in m.title:
            text = " ".join(texts)
            for words in ANNUAL_REPORT_WORDS:
                if words not in text:
                    say(f"年度报告应写明“{words}”（法治政府建设与责任落实督察工作规定）")
        # 11. No task for the 人大常委会 body, the court or the procuratorate.
        if any(key in NOT_ASSIGNABLE for key in m.lead + m.partners):
            say("人大常委会工作机构、人民法院、人民检察院不作政府措施的牵头或责任单位，正文写明支持、配合")
        bodies = [m.text] + ([m.later.text] if m.later is not None else [])
        if any(word in m.title for word in ABOUT_THEM) and not all(
                any(verb in body for verb in TOWARDS_THEM) for body in bodies):
            say("写人大、法院、检察机关的措施，正文以政府为主语写明支持、配合或接受监督")
        # 12. 机构编制 matters (机构、编制、职能职责、体制、权责清单) are led by the 编办, whoever issues the
        #     plan; anywhere else the 编办 neither leads nor stands among the 责任单位.
        about_staffing = any(word in text for text in texts for word in STAFFING_SUBJECTS)
        if "staffing" in m.lead + m.partners and not about_staffing:
            say("机构编制部门只在措施涉及机构、编制、职能职责时作为牵头或责任单位")
        if joint and "任前法律知识测试" in " ".join(texts) and m.lead[:1] != ("organization",):
            say("拟任领导干部任前法律知识测试由党委组织部门组织，联合印发时由其牵头")
        if (not joint and "任前法律知识测试" in " ".join(texts) and m.lead[:1] != ("organization",)
                and "配合组织部门" not in " ".join(texts)):
            say("政府印发的方案中，政府部门牵头的措施只写“配合组织部门”做好任前法律知识测试")
        # 13. A committee's own duty (the committee is the subject) is no task of the plan's division:
        #     it opens the leadership chapter (its `goal`), with no 牵头 and no 分工表 row.
        if any(text.split("：", 1)[1].startswith("{role:party_committee}") for text in texts):
            say("党委自身的职责以党委为主语写在本章导语（goal），不作分工措施、不由其办事机构牵头")
        # 14. The 党委（党组）理论学习中心组 is organised by the 宣传部 with the 组织部, not the 依法治办.
        if any("理论学习中心组" in text for text in texts) and (
                not m.lead or m.lead[0] not in ("publicity", "organization") or "rule_of_law_office" in m.lead):
            say("党委（党组）理论学习中心组学习由党委宣传部、组织部牵头，依法治理办事机构作为责任单位")
    # 16. 突发事件应对 is the government's: 宣传部、网信办 neither lead nor stand among the 责任单位 of
    #     its measures; the text says they 指导协调 (司法厅 13c N-W4: 信息发布和舆情应对).
    for m in library.measures():
        if m.topic.startswith("emergencies.") and {"publicity", "cyberspace"} & set(m.lead + m.partners):
            problems.append(f"{m.id}：突发事件应对由行业部门牵头，宣传部门、网信部门不作牵头或责任单位，"
                            f"正文写明其指导协调（牵头 {', '.join(m.lead)}；责任 {', '.join(m.partners)}）")
    # 15. A role without a default name (河务部门, 开发区管委会) is left out until the profile names it:
    #     a 责任单位 only, so that no measure goes without its lead.
    unnamed = {key for key, role in library.roles.items() if role.default is None}
    for m in [*library.measures(), *(rule.measure for rule in library.local_measures)]:
        if unnamed & set(m.lead):
            problems.append(f"{m.id}：没有默认名称的单位（{'、'.join(sorted(unnamed & set(m.lead)))}）档案可能没写，"
                            f"只作责任单位（牵头 {', '.join(m.lead)}）")
    return problems
