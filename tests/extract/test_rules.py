"""Rules on short texts, each checked against real spaCy output."""

from __future__ import annotations

import datetime as dt

from ingest import dates
from ingest.extract.datexp import parse_date


def ents(ann):
    return {e.id: e for e in ann.entities}


def reported(ann):
    """(speaker label, stance) of the statements that are not the publisher's own voice."""
    e = ents(ann)
    return [(e[s.speaker].label, s.stance) for s in ann.statements if e[s.speaker].label != "Test News"]


def test_role_before_name(run):
    ann, _ = run("The spokesperson, Zia Durrani, says that a roadside bomb killed three soldiers in Kandahar province on Sunday.")
    e = ents(ann)
    st = ann.statements[0]
    assert e[st.speaker].label == "Zia Durrani" and e[st.speaker].type == "person"
    assert st.role == "The spokesperson"
    ev = ann.events[0]
    assert ev.type == "ied" and "Kandahar" in e[ev.place].label
    assert ev.date.relative == "weekday" and ev.date.weekday == "sunday"
    assert dates.resolve(ev.date, dt.date(2019, 10, 15)).exact == dt.date(2019, 10, 13)
    assert [(c.kind, c.count) for c in ann.casualties] == [("killed", 3)]


def test_according_to_and_bounds(run):
    ann, _ = run("At least 15 people were killed in a suicide bombing at a market in Kabul on Monday, according to Reuters.")
    e = ents(ann)
    assert reported(ann) == [("Reuters", "asserts")]
    assert e[ann.statements[0].speaker].type == "media_outlet"
    (cas,) = ann.casualties
    assert (cas.kind, cas.count, cas.at_least) == ("killed", None, 15)
    assert ann.events[0].type == "suicide_bombing"
    market = e[ann.events[0].place]  # the scene: a market, in Kabul (from the gazetteer)
    assert market.type == "facility" and market.label == "market"
    assert e[market.located_in].link is not None and e[market.located_in].label == "Kabul"


def test_negated_and_empty_reporting_are_not_statements(run):
    ann, _ = run("The Taliban has not commented on the attack in Ghazni. The ministry said nothing about casualties.")
    assert reported(ann) == []
    assert all(ev.modality == "asserted" for ev in ann.events)  # "not commented" does not negate the attack


def test_dateline_is_not_a_speaker(run):
    ann, _ = run("KABUL - Dozens of Taliban fighters were killed in clashes with Afghan forces in Helmand province, officials said.")
    e = ents(ann)
    assert all("KABUL" not in e[s.speaker].label for s in ann.statements)
    st = next(s for s in ann.statements if e[s.speaker].label == "officials")
    assert e[st.speaker].type == "collective_source"
    assert not st.span.text.startswith("KABUL")
    (cas,) = ann.casualties
    assert cas.at_least == 24 and e[cas.group].label == "Taliban"  # "dozens" as a lower bound


def test_others_refers_back_and_role_before_name(run):
    ann, _ = run("Gunmen attacked a police post in central Ghazni province late on Saturday, killing four policemen and "
                 "wounding two others, provincial police chief Ahmad Khan said.")
    e = ents(ann)
    st = ann.statements[0]
    assert e[st.speaker].label == "Ahmad Khan" and st.role == "provincial police chief"
    figures = {(c.kind, c.count, e[c.group].label) for c in ann.casualties}
    assert figures == {("killed", 4, "policemen"), ("wounded", 2, "policemen")}
    ev = ann.events[0]
    post = e[ev.place]  # "a police post in central Ghazni province"
    assert ev.type == "attack" and post.label == "police post" and post.type == "facility"
    assert "Ghazni" in e[post.located_in].label and e[post.located_in].type == "province"
    assert any(p.role == "attacker" and e[p.actor].label == "Gunmen" for p in ann.participants)
    # both figures reported by the police chief
    assert all(c.claim in st.claims for c in ann.casualties)


def test_hedge_and_relative_date(run):
    ann, _ = run("Militants allegedly kidnapped five aid workers in Farah province earlier this month.")
    ev = ann.events[0]
    assert ev.type == "kidnapping" and ev.modality == "alleged"
    r = dates.resolve(ev.date, dt.date(2019, 10, 15))
    assert (r.earliest, r.latest) == (dt.date(2019, 10, 1), dt.date(2019, 10, 15))
    assert [(c.kind, c.count) for c in ann.casualties] == [("captured", 5)]


def test_told_channel_role_and_statement_date(run):
    ann, _ = run("Mohammad Ali, a local elder, told Radio Liberty on Tuesday that the gunbattle lasted two hours.")
    e = ents(ann)
    st = ann.statements[0]
    assert e[st.speaker].label == "Mohammad Ali" and st.role == "local elder"
    assert e[st.channel].label == "Radio Liberty" and e[st.channel].type == "media_outlet"
    assert dates.resolve(st.date, dt.date(2019, 10, 15)).exact == dt.date(2019, 10, 15)
    assert ann.events[0].type == "armed_clash"


def test_denial_and_claim_of_responsibility(run):
    ann, _ = run("The Interior Ministry denied that the raid had taken place.")
    st = ann.statements[0]
    assert st.stance == "denies" and st.polarity == "negative"
    ann, _ = run("In a statement sent to media, the Taliban claimed responsibility for the ambush in Kunduz that killed nine soldiers.")
    e = ents(ann)
    st = next(s for s in ann.statements if s.stance == "claims_responsibility")
    assert e[st.speaker].label == "Taliban"
    assert any(p.role == "attacker" and e[p.actor].label == "Taliban" and p.claim in st.claims for p in ann.participants)


def test_sunday_attack_possessive_date_and_more_than(run):
    ann, _ = run("Sunday's attack in Jalalabad killed more than 20 people, the governor's spokesman Attaullah Khogyani told AFP.")
    e = ents(ann)
    st = ann.statements[0]
    assert e[st.speaker].label == "Attaullah Khogyani" and e[st.channel].label == "AFP"
    assert ann.events[0].date.weekday == "sunday"
    assert ann.casualties[0].at_least == 21  # "more than 20" -> at least 21 (annotation guidelines)


def test_date_expressions():
    assert parse_date("August 26", 0).model_dump(include={"month", "day", "year"}) == {"month": 8, "day": 26, "year": None}
    assert parse_date("January 4, 2019", 5).year == 2019
    assert parse_date("earlier this month", 0).relative == "earlier_this_month"
    assert parse_date("Monday", 0).weekday == "monday"
    assert parse_date("the previous night", 0).relative == "yesterday"
    assert parse_date("the past few months", 0) is None
    assert parse_date("today", 3).span.start == 3


def test_participle_speaker_and_quote_kept_whole(run):
    # a quotation of several sentences is one statement (the gold convention in most articles)
    ann, _ = run('A witness described for news agency PA Media how the attack unfolded, stating, '
                 '"I was crossing the road when I saw a man with a knife. The man was then shot."')
    e = ents(ann)
    got = [(e[s.speaker].label, s.span.text) for s in ann.statements if e[s.speaker].label != "Test News"]
    assert got == [("witness", "I was crossing the road when I saw a man with a knife. The man was then shot.")]


def test_free_standing_quotation_continues_speaker(run):
    ann, _ = run('"The school was not used by militants," Mr Ging told The Age after the attack.\n'
                 '"They were innocent people."')
    e = ents(ann)
    got = [(e[s.speaker].label, s.span.text) for s in ann.statements if e[s.speaker].label != "Test News"]
    assert ("Ging", "They were innocent people.") in got


def test_more_than_is_strict_lower_bound(run):
    ann, _ = run("An air strike killed more than 50 people in Gaza on Monday.")
    assert [(c.kind, c.count, c.at_least) for c in ann.casualties] == [("killed", None, 51)]
    ann, _ = run("No more than 5 soldiers were killed in the raid on Monday.")
    assert [(c.kind, c.at_least, c.at_most) for c in ann.casualties] == [("killed", None, 5)]


def test_toll_listed_by_victim_group(run):
    ann, _ = run("After the bombing, the confirmed deaths are fourteen civilians, five Army personnel, and one member of the Coast Guard.")
    e = ents(ann)
    got = [(c.kind, c.count, e[c.group].label) for c in ann.casualties]
    assert [g[:2] for g in got] == [("killed", 14), ("killed", 5), ("killed", 1)]
    assert got[0][2] == "civilians" and "Coast Guard" in got[2][2]


def test_claimed_responsibility_without_object(run):
    ann, _ = run("Two bombs exploded at the cathedral in Jolo on Sunday. "
                 "The Islamic State subsequently claimed responsibility.")
    e = ents(ann)
    st = next(s for s in ann.statements if s.stance == "claims_responsibility")
    assert e[st.speaker].label == "Islamic State"
    assert any(p.role == "attacker" and p.event == ann.events[0].id for p in ann.participants)


def test_surname_tagged_as_plural_noun_is_speaker(run):
    ann, _ = run("Chief Superintendent Graciano Mijares said 20 people were killed in the bombing. "
                 "Mijares further claimed 90 civilians were wounded.")
    assert reported(ann) == [("Graciano Mijares", "asserts"), ("Graciano Mijares", "asserts")]


def test_quoted_content_without_named_subject_is_kept(run):
    ann, _ = run("A bomb killed three people in Kabul on Sunday. "
                 "Ahmad Khan, the governor, said he had ordered troops to protect places of worship.")
    assert reported(ann) == [("Ahmad Khan", "asserts")]


def test_bomb_went_off_foiled_attack_and_apprehend(run):
    ann, _ = run("The first bomb went off inside the cathedral in Jolo during Mass on Sunday.")
    assert [(ev.type, [m.text for m in ev.mentions]) for ev in ann.events] == [("bombing", ["went off"])]
    ann, _ = run("Navy personnel foiled the attack on Thursday, apprehending 26 Somali pirates.")
    assert sorted(ev.type for ev in ann.events) == ["arrest", "foiled_attack"]


def test_reportedly_inside_clauses_and_by_reports(run):
    ann, _ = run("Khan stabbed reportedly several people in the hall on Friday. "
                 "Lukasz, who reportedly works at the hall as a chef, chased him.")
    e = ents(ann)
    got = [(e[s.speaker].label, s.span.text) for s in ann.statements if e[s.speaker].label == "unnamed reports"]
    assert got == [("unnamed reports", "stabbed reportedly several people in the hall"),
                   ("unnamed reports", "who reportedly works at the hall as a chef")]
    ann, _ = run("By reports on Saturday, two of the victims died in the attack.")
    assert reported(ann) == [("unnamed reports", "asserts")]


def test_quotation_sentences_after_speaker_in_paragraph_and_comment(run):
    ann, _ = run('"Police acted fast," professor David Wilson told the press after the attack. '
                 '"Attackers wear fake vests. I wonder why."')
    e = ents(ann)
    got = [s.span.text for s in ann.statements if e[s.speaker].label == "David Wilson"]
    assert "Attackers wear fake vests. I wonder why." in got  # one quotation, one statement
    ann, _ = run('A man was stabbed in London on Friday. Broadcaster Piers Morgan commented, "The guy with the tusk is a chef named Lukasz."')
    assert any("Piers Morgan" in sp and st == "asserts" for sp, st in reported(ann))


def test_according_to_post_by_person_and_passive_agent(run):
    ann, _ = run("According to a Twitter post by Amy Cook, director of the event, the tusk came from the wall in the hall after the attack.")
    assert reported(ann) == [("Amy Cook", "asserts")]
    ann, _ = run("A man attacked people in London on Sunday. The attack was condemned by the government of France.")
    e = ents(ann)
    st = next(s for s in ann.statements if s.span.text == "The attack was condemned")
    assert e[st.speaker].type != "media_outlet" and st.stance == "asserts"


def test_custody_possessive_hospitalized_and_sustained_injury(run):
    ann, _ = run("Police stabbed attack suspect on Friday. The suspect's wife was taken into custody. "
                 "A fifth person was hospitalized in critical condition.")
    got = {(c.kind, c.count) for c in ann.casualties}
    assert ("captured", 1) in got and ("wounded", 1) in got
    ann, _ = run("A man attacked people on London Bridge on Friday. A chef chased him and sustained a stabbing injury to his hand.")
    e = ents(ann)
    assert [(c.kind, c.count, e[c.group].label) for c in ann.casualties if c.kind == "wounded"] == [("wounded", 1, "chef")]


def test_named_facility_hit_is_event_place(run):
    ann, _ = run("Twin bombings yesterday struck the Jolo Cathedral in Mindanao, Philippines.")
    e = ents(ann)
    (ev,) = ann.events
    assert ev.type == "bombing" and e[ev.place].label == "Jolo Cathedral"


def test_event_dates_from_the_verb_chain_and_the_clause(run):
    ann, _ = run("On Sunday in Leeds, a man entered a shop, grabbed a knife, ran outside and began to stab people.")
    (ev,) = ann.events
    assert ev.date is not None and ev.date.weekday == "sunday"
    ann, _ = run("Officials said troops fought rebels about ten kilometres north of the town Tuesday, killing dozens.")
    (ev,) = [x for x in ann.events if x.type == "armed_clash"]
    assert ev.date is not None and ev.date.weekday == "tuesday"
    ann, _ = run("The rebels signed a 2005 peace deal with the government.")
    (ev,) = ann.events
    assert ev.type == "agreement" and ev.date is not None and ev.date.year == 2005


def test_places_used_as_actors_are_no_event_scenes(run):
    ann, _ = run("A bombing was reported to have killed a driver in the Red Sea port town of Mokha, Yemen.")
    e = ents(ann)
    (ev,) = ann.events
    assert e[ev.place].label == "Mokha"  # "Red Sea" only names the kind of town
    ann, _ = run("On Sunday, the United States announced a complete withdrawal of its troops.")
    (ev,) = ann.events
    assert ev.type == "withdrawal" and ev.place is None  # the announcer is not where it happens
    ann, _ = run("Yemen has seen fierce fighting for years.")
    e = ents(ann)
    (ev,) = ann.events
    assert e[ev.place].label == "Yemen"


def test_territory_taken_agreements_and_police_shootings(run):
    ann, _ = run("The army recaptured Afrin in 2018. Syria has seen civil war since the capital, Damascus, fell under rebel control in 2012.")
    e = ents(ann)
    taken = sorted((e[ev.place].label, ev.date.year) for ev in ann.events if ev.type == "territory_taken")
    assert taken == [("Afrin", 2018), ("Damascus", 2012)]  # two years: two events
    war = next(ev for ev in ann.events if ev.type == "armed_clash")
    assert e[war.place].label == "Syria"
    ann, _ = run("Rebels took control of Mosul in 2014.")
    e = ents(ann)
    assert [(ev.type, e[ev.place].label) for ev in ann.events] == [("territory_taken", "Mosul")]
    ann, _ = run("The rebels reached an agreement with the government on Monday.")
    assert [ev.type for ev in ann.events] == ["agreement"]
    ann, _ = run("On Friday a man stabbed two people at the Grand Hotel in Leeds. Witnesses said he ran into the street. "
                 "Police arrived and shot him dead.")
    e = ents(ann)
    assert len(ann.events) == 2  # the police shooting is not the stabbing
    assert all(ev.place and e[ev.place].label == "Grand Hotel" for ev in ann.events)


def test_passive_arrest_custody_centre_and_recaptured_it(run):
    ann, _ = run("A man suspected of supplying the gun was arrested in Leeds on Sunday.")
    e = ents(ann)
    assert [(ev.type, e[ev.place].label) for ev in ann.events] == [("arrest", "Leeds")]
    ann, _ = run("The officer was shot at the custody centre on Friday.")
    assert [ev.type for ev in ann.events] == ["attack"]
    ann, _ = run("The judge ordered that the accused remain in custody.")
    assert ann.events == ()
    ann, _ = run("Mosul is calmer than other cities, since it was recaptured from the militants in 2017.")
    e = ents(ann)
    assert [(ev.type, e[ev.place].label) for ev in ann.events] == [("territory_taken", "Mosul")]


def test_forces_entering_places_and_deploying_into_territory(run):
    ann, _ = run("Government troops began deploying into rebel-held territory on Monday. "
                 "The army entered Kafr Zita and Tal Abyad on Tuesday, according to state media.")
    e = ents(ann)
    deps = sorted((e[ev.place].label if ev.place else None) for ev in ann.events if ev.type == "deployment")
    assert "Kafr Zita" in deps and "Tal Abyad" in deps and len(deps) == 3
    assert any(p and "territory" in p for p in deps)
    ann, _ = run("A man entered a store and stabbed two people.")
    assert [ev.type for ev in ann.events] == ["attack"]  # not forces: no deployment


def test_outbreaks_where_clauses_and_fighting_a_war(run):
    ann, _ = run("Rebels have been fighting the army in Darfur since May. Fighting has also broken out in Blue Nile state this year.")
    assert len([ev for ev in ann.events if ev.type == "armed_clash"]) == 2  # another outbreak
    ann, _ = run("Yida is a camp for refugees from South Kordofan, a state north of the border where rebels have been fighting the army since June.")
    e = ents(ann)
    (ev,) = ann.events
    assert e[ev.place].label.startswith("South Kordofan")
    ann, _ = run("Groups that are fighting its proxy war were armed by the north.")
    assert ann.events == ()


def test_arrests_of_the_same_people_are_one_arrest(run):
    ann, _ = run("The navy foiled a pirate attack on Thursday, apprehending 26 Somali pirates. Two boats escaped. "
                 "The warship intercepted the other boats and nabbed 26 Somali pirates with rifles.")
    (arrest,) = [ev for ev in ann.events if ev.type == "arrest"]
    assert [m.text for m in arrest.mentions] == ["apprehending", "nabbed"]
    ann, _ = run("Police arrested two men in Leeds. Later, police arrested a woman in York.")
    assert len([ev for ev in ann.events if ev.type == "arrest"]) == 2


def test_opened_fire_gatherings_surrender_and_the_strike(run):
    ann, _ = run("A gunman opened fire at a wedding party in Kano on Saturday. Police said the gunman surrendered to police an hour later.")
    e = ents(ann)
    got = {ev.type: ev for ev in ann.events}
    assert set(got) == {"attack_on_civilians", "arrest"}
    assert e[got["attack_on_civilians"].place].label == "wedding party"
    ann, _ = run("The suspect turned himself in to authorities on Monday.")
    assert [ev.type for ev in ann.events] == ["arrest"]
    ann, _ = run("Drones hit a convoy near the airport in an airstrike on Friday. The strike took place at Baghdad International Airport.")
    e = ents(ann)
    (ev,) = ann.events
    assert ev.type == "air_strike" and e[ev.place].label == "Baghdad International Airport"


def test_shells_and_another_scene_make_another_shelling(run):
    ann, _ = run("Tank shells hit a school in Jabaliya on Tuesday, killing ten. Earlier that day, a shell hit a house in the Beach refugee camp, killing seven.")
    e = ents(ann)
    shellings = [ev for ev in ann.events if ev.type == "shelling"]
    assert len(shellings) == 2
    assert any("Beach" in e[ev.place].label for ev in shellings)
    ann, _ = run("Three mortar shells exploded near the market.")
    assert [ev.type for ev in ann.events] == ["shelling"]


def test_shooting_of_a_journalist_is_an_attack_on_civilians(run):
    ann, _ = run("Omar Khalid, a photographer and reporter from Mosul, died in hospital on Monday after being shot in the street.")
    (ev,) = ann.events
    assert ev.type == "attack_on_civilians" and ev.date.weekday == "monday"
    ann, _ = run("Ali Hassan, a police officer, died on Monday after being shot.")
    assert [ev.type for ev in ann.events] == ["attack"]


def test_denial_without_event_words_is_kept(run):
    ann, _ = run("A refugee camp was bombed on Thursday. Sudan's armed forces denied they carried out the strike.")
    assert reported(ann) == [("Sudan's armed forces", "denies")]


def test_content_naming_an_attacker_is_an_accusation(run):
    ann, _ = run("A bomb killed a journalist in Mokha on Tuesday. Dr Ali bin Tamim, the manager, said Houthis have attacked journalists before.")
    assert reported(ann) == [("Ali bin Tamim", "accuses")]
    ann, _ = run("A bomb killed a journalist in Mokha on Tuesday. Dr Ali bin Tamim, the manager, said journalists were attacked before.")
    assert reported(ann) == [("Ali bin Tamim", "asserts")]


def test_passive_denial_has_negative_polarity(run):
    ann, _ = run("A bomb exploded at a market in Kabul on Sunday. The reports were denied by the Taliban.")
    e = ents(ann)
    st = next(s for s in ann.statements if e[s.speaker].label == "Taliban")
    assert (st.stance, st.polarity) == ("denies", "negative")


def test_organisation_name_parsed_as_clause_is_speaker(run):
    ann, _ = run("A bomb killed a journalist in Mokha on Tuesday. "
                 "The Committee to Protect Journalists reports sixteen other journalist deaths in the nation since 2015.")
    assert reported(ann) == [("Committee to Protect Journalists", "asserts")]


def test_bare_killing_count_takes_the_fought_group(run):
    ann, _ = run("Government troops fought militants near the border on Monday, killing dozens.")
    e = ents(ann)
    assert [(c.kind, c.at_least, e[c.group].label) for c in ann.casualties] == [("killed", 24, "militants")]


def test_figure_without_group_is_named_after_its_event_or_repeated_toll(run):
    ann, _ = run("A car bomb exploded outside a police station on Sunday. At least 12 were killed.")
    e = ents(ann)
    (cas,) = ann.casualties
    assert cas.at_least == 12 and e[cas.group].label.startswith("people killed in the")
    ann, _ = run("Gunmen killed 15 villagers in an attack on Friday. The governor said it killed 15 people.")
    e = ents(ann)
    assert [e[c.group].label for c in ann.casualties] == ["villagers", "villagers"]


def test_number_on_adjective_and_stranded_more(run):
    ann, _ = run("Shelling of the village left at least four dead and nine injured.")
    assert {(c.kind, c.count, c.at_least) for c in ann.casualties} == {("killed", None, 4), ("wounded", 9, None)}
    ann, _ = run("Five soldiers reportedly died in the blast on Monday; around ten more, including an officer, were injured.")
    e = ents(ann)
    assert {(c.kind, c.count, e[c.group].label) for c in ann.casualties} == {("killed", 5, "soldiers"), ("wounded", 10, "soldiers")}


def test_elided_group_number_of_dead_and_among_those(run):
    ann, _ = run("Two Turkish soldiers were killed and five wounded on Monday.")
    e = ents(ann)
    assert sorted((c.kind, c.count, e[c.group].label) for c in ann.casualties) == [("killed", 2, "Turkish soldiers"), ("wounded", 5, "Turkish soldiers")]
    ann, _ = run("The strike brought to 12 the number of soldiers who have been killed.")
    e = ents(ann)
    assert [(c.kind, c.count, e[c.group].label) for c in ann.casualties] == [("killed", 12, "soldiers")]
    ann, _ = run("Officials put the death toll at 43.")
    assert [(c.kind, c.count) for c in ann.casualties] == [("killed", 43)]
    ann, _ = run("A police officer was among those injured.")
    e = ents(ann)
    assert [(c.kind, c.count, e[c.group].label) for c in ann.casualties] == [("wounded", 1, "police officer")]
    ann, _ = run("Eleven people are reported to have died.")
    assert [(c.kind, c.count) for c in ann.casualties] == [("killed", 11)]


def test_dead_person_identified_by_name(run):
    ann, _ = run("The dead man was named as John Smith by a police spokesperson.")
    e = ents(ann)
    assert [(c.kind, c.count, e[c.group].label) for c in ann.casualties] == [("killed", 1, "John Smith")]


def test_figures_of_two_events_in_one_sentence_are_both_attributed(run):
    ann, _ = run("Three soldiers were killed in a clash and two civilians were killed in a bombing.")
    attributed = {c for s in ann.statements for c in s.claims}
    assert len({c.event for c in ann.casualties}) == 2
    assert all(c.claim in attributed for c in ann.casualties)


def test_age_nominal_is_one_person_not_a_count(run):
    ann, _ = run("Police arrested a 17-year-old in connection with the stabbing.")
    e = ents(ann)
    assert [(c.kind, c.count, e[c.group].label) for c in ann.casualties] == [("captured", 1, "17-year-old")]


def test_figure_event_own_trigger_and_no_deaths_in_an_arrest(run):
    ann, _ = run("A gunman attacked a police station on Friday. Police later arrested the gunman's brother. "
                 "Several officers lost their lives.")
    ev = {e.id: e for e in ann.events}
    killed = [c for c in ann.casualties if c.kind == "killed"]
    assert killed and ev[killed[0].event].type != "arrest"
    ann, _ = run("Police arrested the accused 36 minutes after the mass shooting in the mosque.")
    ev = {e.id: e for e in ann.events}
    (cas,) = ann.casualties
    assert cas.kind == "captured" and ev[cas.event].type == "arrest"


def test_victims_group_in_the_predicate(run):
    ann, _ = run("A gunman killed five people at a school on Monday. Two of the victims were teachers.")
    e = ents(ann)
    assert ("killed", 2, "teachers") in {(c.kind, c.count, e[c.group].label) for c in ann.casualties}
    ann, _ = run("Two of those killed in the raid were children.")
    e = ents(ann)
    assert [(c.kind, c.count, e[c.group].label) for c in ann.casualties] == [("killed", 2, "children")]


def test_consecutive_publisher_sentences_are_one_statement(run):
    ann, _ = run("A bomb exploded in a market in Kabul on Monday. Three soldiers were killed.\n\nFive civilians were injured in Herat on Tuesday.")
    e = ents(ann)
    own = [s for s in ann.statements if e[s.speaker].label == "Test News"]
    assert [s.span.text for s in own] == ["A bomb exploded in a market in Kabul on Monday. Three soldiers were killed",
                                          "Five civilians were injured in Herat on Tuesday"]


def test_second_and_further_blasts_are_events_of_their_own(run):
    ann, _ = run("Twin bombings hit a mosque in Kano on Friday. The second blast killed three guards near the gate. "
                 "A police officer said there were two further explosions an hour later.")
    e = ents(ann)
    bombings = [ev for ev in ann.events if ev.type == "bombing"]
    texts = [[m.text for m in ev.mentions] for ev in bombings]
    assert any(t == ["The second blast"] for t in texts)
    further = next(ev for ev in bombings if any("further" in m.text for m in ev.mentions))
    assert further.place is not None and "mosque" in e[further.place].label  # the scene of the earlier ones


def test_fresh_clashes_and_war_are_not_one_event(run):
    ann, _ = run("The civil war has killed thousands since 2012. Rebels have been fighting the army in Darfur since May. "
                 "Officials reported fresh clashes in Kordofan on Monday.")
    clashes = [ev for ev in ann.events if ev.type == "armed_clash"]
    assert len(clashes) == 3


def test_place_of_an_offensive_into_and_of_the_object(run):
    ann, _ = run("Turkey began a military offensive into northern Syria on Wednesday.")
    e = ents(ann)
    (ev,) = [x for x in ann.events if x.type == "offensive"]
    assert e[ev.place].label == "Syria"
    ann, _ = run("Government forces fought rebels in South Kordofan on Thursday.")
    e = ents(ann)
    (ev,) = ann.events
    assert ev.type == "armed_clash" and e[ev.place].label.startswith("South Kordofan")


def test_quote_over_lines_continues_accusation_and_pronoun_keeps_role(run):
    # a quotation opened on an earlier line belongs to the closing line's speaker; right after
    # the speaker's accusation it goes on accusing; "he" has the role introduced before
    ann, _ = run('Omar Haddad, the mayor of Riverton, accused the militia of shelling the market.\n'
                 '"Those men must answer for this.\n'
                 'They destroyed our homes," he told reporters in Riverton.')
    e = ents(ann)
    quote = next(s for s in ann.statements if s.span.text.startswith("Those men"))
    assert e[quote.speaker].label == "Omar Haddad"
    assert quote.span.text == "Those men must answer for this.\nThey destroyed our homes"
    assert quote.stance == "accuses"
    assert quote.role == "the mayor of Riverton"


def test_hyphenated_name_with_role_is_a_person(run):
    ann, _ = run("El-Amin Warsame, spokesman for the regional army, said troops had not attacked the village.\n"
                 '"We respect the ceasefire," he said.')
    e = ents(ann)
    speakers = {e[s.speaker].label for s in ann.statements if e[s.speaker].label != "Test News"}
    assert speakers == {"El-Amin Warsame"}
    assert next(x for x in ann.entities if x.label == "El-Amin Warsame").type == "person"


def test_attack_on_civilians_from_target_and_parts_of_a_pair(run):
    ann, _ = run("On Sunday, a gunman shot diners at a restaurant in Dallas.")
    assert [ev.type for ev in ann.events] == ["attack_on_civilians"]
    ann, _ = run("A mass shooting in Oslo on Monday killed nine people. Police said the first attack was in a church.")
    types = sorted(ev.type for ev in ann.events)
    assert types == ["attack_on_civilians", "attack_on_civilians"]
    first = next(ev for ev in ann.events if any("first" in m.text for m in ev.mentions))
    assert first.date is not None and first.date.weekday == "monday"  # the day of the pair
    ann, _ = run("Police said a man stabbed two officers at the station on Friday.")
    assert [ev.type for ev in ann.events] == ["attack"]


def test_zero_figures_take_the_group_before(run):
    ann, _ = run("Bombs fell near a camp of 3,000 villagers on Monday. A spokesman said there were no dead or wounded.")
    e = ents(ann)
    assert sorted((c.kind, c.count, e[c.group].label) for c in ann.casualties) == [("killed", 0, "villagers"), ("wounded", 0, "villagers")]
    ann, _ = run("Four students were injured in a shooting on Friday. No fatalities have emerged from the shooting.")
    e = ents(ann)
    assert ("killed", 0, "students") in {(c.kind, c.count, e[c.group].label) for c in ann.casualties}


def test_death_toll_figures(run):
    ann, _ = run("A bomb exploded at a market on Sunday. The death toll rose to 31 on Tuesday.")
    assert [(c.kind, c.count) for c in ann.casualties] == [("killed", 31)]
    ann, _ = run("A bomb exploded at a market on Sunday. Officials revised an earlier toll of 12 dead.")
    assert [(c.kind, c.count) for c in ann.casualties] == [("killed", 12)]


def test_reduced_passive_with_counted_subject_and_from_list(run):
    ann, _ = run("Police said four shoppers were killed at the mall, with 25 others injured.")
    e = ents(ann)
    assert ("wounded", 25, "shoppers") in {(c.kind, c.count, e[c.group].label) for c in ann.casualties}
    ann, _ = run("Mijares said 40 civilians were wounded, as were five from the Army, and three each from the Navy and the National Police.")
    e = ents(ann)
    got = {(c.kind, c.count, e[c.group].label) for c in ann.casualties}
    assert {("wounded", 40, "civilians"), ("wounded", 5, "Army"), ("wounded", 3, "Navy")} <= got


def test_person_figures_have_injuries_and_pronouns(run):
    ann, _ = run("A woman had minor injuries from broken glass after the explosion.")
    e = ents(ann)
    assert [(c.kind, c.count, e[c.group].label) for c in ann.casualties] == [("wounded", 1, "woman")]
    ann, _ = run("On Monday a man wearing a mask entered a bank. Officers chased him on foot. The officers shot him dead.")
    e = ents(ann)
    (cas,) = ann.casualties
    assert cas.kind == "killed" and e[cas.group].label.startswith("man wearing")
    ann, _ = run("Sergeant John Hale was shot on Friday and taken to hospital, but he was later pronounced dead.")
    e = ents(ann)
    assert [(c.kind, e[c.group].label) for c in ann.casualties] == [("killed", "John Hale")]


def test_hypothetical_and_generic_deaths_are_no_figures(run):
    ann, _ = run("Doctors said the guard would have died without surgery.")
    assert not [c for c in ann.casualties if c.kind == "killed"]
    ann, _ = run("The archive counts events where four or more people are killed as mass shootings.")
    assert not ann.casualties


def test_unattributed_narration_is_the_outlets_voice_but_not_speech(run):
    ann, _ = run("Gunmen attacked a market in Kano on Monday.\n"
                 "The market in Kano had reopened in May after a long renovation.\n"
                 "Local traders told a radio station that the market was usually quiet.\n"
                 "Le marché était fermé pendant deux semaines après les pluies.\n"
                 "—The governor of Kano, Musa Bello")
    e = ents(ann)
    own = [s.span.text for s in ann.statements if e[s.speaker].label == "Test News"]
    assert "The market in Kano had reopened in May after a long renovation" in own
    assert not any("traders" in x or "marché" in x or "Musa Bello" in x for x in own)


def test_killing_of_a_person_and_death_of_a_count(run):
    ann, _ = run("Protests followed the killing of Ahmed Karimi in an air strike last week.")
    e = ents(ann)
    assert [(c.kind, c.count, e[c.group].label) for c in ann.casualties] == [("killed", 1, "Ahmed Karimi")]
    ann, _ = run("The gunman opened fire in a mosque on Friday, which caused the death of at least 30 people.")
    assert [(c.kind, c.at_least) for c in ann.casualties] == [("killed", 30)]


def test_surrender_arrest_of_the_accused_and_detained_after(run):
    ann, _ = run("Police said the suspected gunman surrendered himself to police after a chase.")
    e = ents(ann)
    assert [(c.kind, c.count, e[c.group].label) for c in ann.casualties] == [("captured", 1, "suspected gunman")]
    ann, _ = run("Jordan Miles turned himself in to authorities on Monday.")
    e = ents(ann)
    assert [(c.kind, e[c.group].label) for c in ann.casualties] == [("captured", "Jordan Miles")]
    ann, _ = run("Police arrested the accused near the mosque.")
    assert [(c.kind, c.count) for c in ann.casualties] == [("captured", 1)]
    ann, _ = run("The alleged shooter was at the station after being detained earlier on Friday.")
    e = ents(ann)
    assert [(c.kind, e[c.group].label) for c in ann.casualties] == [("captured", "alleged shooter")]


def test_bullet_hit_him_is_wounded_and_others_after_one_person(run):
    ann, _ = run("Omar Said was in critical condition on Monday after a bullet hit him in the neck.")
    e = ents(ann)
    assert [(c.kind, c.count, e[c.group].label) for c in ann.casualties] == [("wounded", 1, "Omar Said")]
    ann, _ = run("A shell hit a house in the village.")
    assert not ann.casualties
    ann, _ = run("The driver killed a woman and injured at least 19 others.")
    e = ents(ann)
    wounded = [c for c in ann.casualties if c.kind == "wounded"]
    assert [c.at_least for c in wounded] == [19] and e[wounded[0].group].label != "woman"


def test_infinitive_and_hypothetical_gerund_are_no_figures(run):
    ann, _ = run("Red notices ask the police of every country to find and arrest a person wanted by a court.")
    assert not ann.casualties
    ann, _ = run("She said executing the driver would not bring her daughter back.")
    assert not ann.casualties


def test_zero_figure_needs_a_recent_group_and_possible_past_figures_stay(run):
    ann, _ = run("A fire killed nine people in a slum on Monday.\n\nThe city council met on Tuesday.\n\n"
                 "The mayor opened a new bridge on Wednesday.\n\nThe river was high on Thursday.\n\n"
                 "An earthquake shook the city on Friday. No injuries were recorded.")
    assert not [c for c in ann.casualties if c.count == 0]
    ann, _ = run("Officials said the virus may have killed two foreign visitors in Wuhan.")
    assert [(c.kind, c.count) for c in ann.casualties] == [("killed", 2)]
    ann, _ = run("Analysts said the company's old software CentOS is dead.")
    assert not ann.casualties


def test_roles_introduced_elsewhere_titles_and_of_organisation(run):
    ann, _ = run("Regional president Amara Diallo visited the camp on Monday.\n"
                 "Diallo said the army had bombed the village.")
    assert [s.role for s in ann.statements if s.span.text.startswith("the army")] == ["Regional president"]
    ann, _ = run("Speaking in Geneva, UN Special Envoy for Yemen Martin Keller said rebels attacked the port.")
    assert [s.role for s in ann.statements if "rebels" in s.span.text and s.role] == ["UN Special Envoy for Yemen"]
    ann, _ = run("Maria Lopez of Amnesty International said soldiers shot the protesters in Lagos.")
    assert [s.role for s in ann.statements if "soldiers" in s.span.text and s.role] == ["of Amnesty International"]
    ann, _ = run("A Coast Guard spokesperson said two boats were sunk in the attack.")
    assert [s.role for s in ann.statements if s.role] == ["Coast Guard spokesperson"]


def test_to_death_hospital_and_among_the_dead(run):
    ann, _ = run("A man in his 30s was stabbed to death on Friday.")
    assert [(c.kind, c.count) for c in ann.casualties] == [("killed", 1)]
    ann, _ = run("Three others were taken to hospital with stab wounds.")
    assert [(c.kind, c.count) for c in ann.casualties] == [("wounded", 3)]
    ann, _ = run("Two people were treated in hospital for minor injuries after the attack.")
    assert [(c.kind, c.count) for c in ann.casualties] == [("wounded", 2)]
    ann, _ = run("Two police officers were among the dead.")
    e = ents(ann)
    assert [(c.kind, c.count, e[c.group].label) for c in ann.casualties] == [("killed", 2, "police officers")]
    ann, _ = run("Five soldiers were among those killed in the ambush.")
    assert [(c.kind, c.count) for c in ann.casualties] == [("killed", 5)]


def test_conjoined_death_takes_the_first_verbs_subject(run):
    ann, _ = run("On Sunday a protester was shot and killed near the square.")
    e = ents(ann)
    assert [(c.kind, c.count, e[c.group].label) for c in ann.casualties] == [("killed", 1, "protester")]
    ann, _ = run("Many lived and died in the old town.")
    assert not ann.casualties
    ann, _ = run("One person was killed and two others were hurt in the blast.")
    e = ents(ann)
    hurt = [c for c in ann.casualties if c.kind == "wounded"]
    assert [c.count for c in hurt] == [2] and e[hurt[0].group].label != "person"


def test_channels_outlet_named_after_kind_post_platform_and_according_to_subject(run):
    ann, _ = run('A witness described for news agency Kappa Media how the attack unfolded, stating, '
                 '"I saw a man with a gun shoot two guards."')
    e = ents(ann)
    assert [e[s.channel].label for s in ann.statements if s.channel] == ["Kappa Media"]
    ann, _ = run("According to a Twitter post by Amy Lund, director of the festival, gunmen attacked the stage on Friday.")
    e = ents(ann)
    assert [(e[s.speaker].label, e[s.channel].label) for s in ann.statements if s.channel] == [("Amy Lund", "Twitter")]
    ann, _ = run("According to news agency ISNA, the prosecutor general of Tehran, Reza Karimi, said the men must face murder charges.")
    e = ents(ann)
    assert [(e[s.speaker].label, e[s.channel].label) for s in ann.statements if s.channel] == [("Reza Karimi", "ISNA")]


def test_bodies_reflexive_deaths_and_injury_lists(run):
    ann, _ = run("Rescuers recovered 12 bodies from the rubble.")
    assert [(c.kind, c.count, c.at_least) for c in ann.casualties] == [("killed", 12, None)]  # "recovered" is not "over"
    ann, _ = run("The bodies of five soldiers were found near the border.")
    e = ents(ann)
    assert [(c.kind, c.count, e[c.group].label) for c in ann.casualties] == [("killed", 5, "soldiers")]
    ann, _ = run("The attacker then killed himself.")
    e = ents(ann)
    assert [(c.kind, c.count, e[c.group].label) for c in ann.casualties] == [("killed", 1, "attacker")]
    ann, _ = run("Authorities reported 3 deaths and 15 injuries after the blast.")
    assert sorted((c.kind, c.count) for c in ann.casualties) == [("killed", 3), ("wounded", 15)]
    ann, _ = run("The bombing killed at least 50 and wounded more than 100.")
    assert sorted((c.kind, c.at_least) for c in ann.casualties) == [("killed", 50), ("wounded", 101)]
    ann, _ = run("The shelling left 40 people with serious injuries.")
    assert [(c.kind, c.count) for c in ann.casualties] == [("wounded", 40)]


def test_more_speakers_and_reporting_constructions(run):
    ann, _ = run("A gunman shot four people at a party in Millbrook on Saturday.\n"
                 "Neighbors told the Millbrook Gazette newspaper that the street is usually quiet.")
    assert ("Neighbors", "asserts") in reported(ann)
    ann, _ = run("A gunman shot four people at a party in Millbrook on Saturday.\n"
                 "State officials identified the gunman as 30-year-old Mark Dole of Millbrook.")
    assert [sp for sp, _ in reported(ann)] == ["State officials"]
    ann, _ = run("A gunman shot four people at a party in Millbrook on Saturday.\n"
                 "Prosecutor Jane Roe characterized the shooting as an act of terrorism.")
    assert ("Jane Roe", "asserts") in reported(ann)
    ann, _ = run("A gunman shot four people at a party in Millbrook on Saturday.\n"
                 "Mark Dole claimed to have bought the rifle from a friend in Millbrook.")
    assert [s.span.text for s in ann.statements if "rifle" in s.span.text and reported(ann)] == ["to have bought the rifle from a friend in Millbrook"]


def test_body_part_owner_and_raised_subject(run):
    ann, _ = run("Many protesters wore eyepatches for a young woman whose eye was said to have been injured by police.")
    e = ents(ann)
    assert [(c.kind, c.count, e[c.group].label) for c in ann.casualties] == [("wounded", 1, "young woman")]
    ann, _ = run("Three protesters were reported to have been injured.")
    e = ents(ann)
    assert [(c.kind, c.count, e[c.group].label) for c in ann.casualties] == [("wounded", 3, "protesters")]


def test_narration_without_names_describes_the_event_before(run):
    ann, _ = run("A bomb exploded in a market in Kabul on Monday.\nThe victims have not been identified yet.")
    e = ents(ann)
    own = [s.span.text for s in ann.statements if e[s.speaker].label == "Test News"]
    assert "The victims have not been identified yet" in own


def test_speakers_in_lists_came_from_and_passive_agent_apposition(run):
    ann, _ = run("A bomb exploded at a church in Lagos on Sunday.\n"
                 "Statements of condemnation have come from Red Cross head Anna Berg, Pope Francis, and a spokesperson for President Mark Obi.")
    got = {sp for sp, st in reported(ann) if st == "asserts"}
    assert {"Anna Berg", "Pope Francis"} <= got and any("spokesperson" in x for x in got)
    ann, _ = run("A bomb exploded at a church in Lagos on Sunday.\n"
                 "Similar accusations were made by state news firm Zeta and Omar Bello.")
    assert {(sp, st) for sp, st in reported(ann)} >= {("Zeta", "accuses"), ("Omar Bello", "accuses")}


def test_talked_of_and_spokesman_for_the_groups_confirmation(run):
    ann, _ = run("A bomb exploded at a camp in Yida on Thursday.\n"
                 "In a speech on Monday, regional president Omar Kuol talked of the army's planned invasion of the region.")
    assert ("Omar Kuol", "asserts") in reported(ann)
    ann, _ = run("A bomb exploded at a camp in Yida on Thursday.\n"
                 "A spokesman for the Relief Alliance said the group confirmed there were no dead or wounded.")
    rep = reported(ann)
    assert len(rep) == 1 and rep[0][1] == "confirms" and "spokesman" in rep[0][0]


def test_unnamed_accusers_for_charges_and_allegedly(run):
    ann, _ = run("Two protesters were shot dead in Kenosha on Tuesday.\n"
                 "A local man, Dale Frost is accused of shooting both protesters.\n"
                 "A friend has been charged with supplying the rifle.\n"
                 "Frost also allegedly posted threats online before the protest.")
    e = ents(ann)
    got = [(e[s.speaker].label, s.stance, s.span.text) for s in ann.statements if e[s.speaker].label == "unnamed accusers"]
    assert [g[1] for g in got] == ["accuses"] * 3
    assert got[0][2].startswith("Dale Frost is accused of")


def test_alleged_accuses_and_participle_reports_are_separate(run):
    ann, _ = run("Police alleged the gunman carried out two attacks in Christchurch on Friday.")
    assert reported(ann) == [("Police", "accuses")]
    ann, _ = run("A bomb exploded in a market in Kano on Monday.\n"
                 "Governor Musa Bello said the army must guard the market, adding the police will patrol the city.")
    e = ents(ann)
    got = sorted(s.span.text for s in ann.statements if e[s.speaker].label == "Musa Bello")
    assert got == ["the army must guard the market", "the police will patrol the city"]


def test_every_claim_is_attributed(run):
    for text in ("Gunmen attacked a market in Kano on Monday, killing five people. Police said the attackers fled.\n"
                 "Statements of condemnation have come from the governor, Musa Bello, and Pope Francis.\n"
                 "A suspect has been charged with murder. He also allegedly posted threats online.",
                 'A bomb exploded in Yida on Thursday.\n"They must answer.\nThey bombed our homes," he said.'):
        ann, _ = run(text)
        attributed = {c for s in ann.statements for c in s.claims}
        assert {c.id for c in ann.claims} <= attributed


def test_deny_with_two_objects_is_not_a_denial(run):
    ann, _ = run("A bomb exploded in Jolo on Sunday. The minister urged residents to deny the bombers any victory.")
    assert not any(st == "denies" for _sp, st in reported(ann))
