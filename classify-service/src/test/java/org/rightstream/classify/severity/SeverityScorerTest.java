package org.rightstream.classify.severity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rightstream.contracts.Severity;

/**
 * Severity levels on passages quoted verbatim from the seed reports (000-002: US State Department Kazakhstan
 * reports 2012/2017/2021, 004: the NGO submission; line breaks as in the seeds, indentation removed), plus
 * the explainability, negation, cap, inflection and thread-safety properties the scorer promises.
 */
class SeverityScorerTest {
    private static final SeverityScorer SCORER = new SeverityScorer();

    // ------------------------------------------------------------------ level 5: loss of life, grave harm

    /** 2021 report, section 1.a: death in police custody. */
    static final String DIED_IN_POLICE_CUSTODY = """
            On December 8, 30-year-old Nurbolat Zhumabayev died in police custody in
            Shymkent after police arrested him for suspected carjacking.  Zhumabayev’s
            family said that his body was covered in bruises when they viewed it on December
            9. The Shymkent mayor announced on December 9 that the Ministry of Internal
            Affairs would investigate and conduct an autopsy.  The investigation continued as
            of the end of the year.
            """;

    /** 2021 report, section 1.a: police beat, tased and choked a driver, resulting in his death. */
    static final String BEATING_RESULTING_IN_DEATH = """
            On March 15, a court in Kyzylorda sentenced four police officers to prison terms
            of six to nine years after convicting them of murdering 43-year-old Baurzhan
            Azhibayev in 2019 during a traffic stop for failing to use his turn signal.  The
            police officers reportedly beat, tased, and choked Azhibayev after he argued with
            them and refused to obey their instructions, resulting in his death.
            """;

    /** 2017 report, section 1.a: a detainee beaten to death. */
    static final String BEATEN_TO_DEATH = """
            On March 15, police detained a 29-year-old resident of Astana, Nikolay Krivenko,
            for disorderly behavior and vandalism. Police took him to a local center for
            medical and social rehabilitation where he was beaten to death. Police officer
            Berik Murzabekov was charged with abuse of power and intentional infliction of
            harm to health resulting in death by negligence. Three employees of the center,
            Sayat Satyn, Farkhat Kambetov, and Sumgat Temirgaliev, were charged with
            intentional infliction of harm to health resulting in death by negligence. On
            November 3, a district court in Astana sentenced Murzabekov to 10 years, and
            Satyn, Kambetov, and Temirgaliev to eight years of imprisonment.
            """;

    /** 2012 report, prison conditions: deaths in pretrial detention and prisons. */
    static final String DEATHS_IN_DETENTION = """
            The government reported 39 deaths in pretrial detention centers and police cells,
            compared with 45 in 2011.  PRI reported 220 deaths in prisons as a result of illness
            and 59 due to other reasons, including suicide.
            """;

    /** 2012 report, executive summary: the strike that ended with people dead and shooting into crowds. */
    static final String SHOOTING_INTO_CROWDS = """
            In December 2011 a seven-month strike of oil-workers in Zhanaozen and the
            nearby village of Shetpe disintegrated into violence between protesters and law
            enforcement officials, leaving at least 17 people dead and more than 100 injured.
            Videos posted online depicted law enforcement officials shooting into the crowds,
            chasing after fleeing protesters, and beating them with batons.
            """;

    /** 2021 report, section 1.a: arbitrary killings and beatings that led to deaths. */
    static final String KILLINGS_AND_DEADLY_ABUSE = """
            There were several reports that the government or its agents committed arbitrary or
            unlawful killings or beatings that led to deaths.  Activists noted that deadly abuse
            in prisons, particularly abuse carried out by so-called voluntary assistants –
            prisoners who received special privileges in exchange for carrying out orders of
            prison staff – remained frequent.
            """;

    /** 2012 report, section 2.a: a journalist beaten, stabbed and shot. */
    static final String JOURNALIST_STABBED = """
            On April 19, unknown assailants attacked Lukpan Akhmedyarov, a journalist from
            the newspaper Uralskaya Nedelya.  The assailants beat him, stabbed him eight
            times, and shot him with an air gun.  Akhmedyarov regained consciousness three
            days later.  He believed that the attack was connected with his journalistic activity,
            and prompted by the publication of his article “Brother, Father of the Son-in-law
            and Pull,” published a few weeks before the attack.  The article detailed the
            personal relationships between members of government bodies in the Oblast of
            West Kazakhstan.  The head of the Department of Internal Police Tlekkabyl
            Imashev sued Akhmedyarov and the newspaper for defamation.  In July
            Akhmedyarov and the founder of Uralskaya Nedelya were charged with a fine of
            five million tenge ($33,333).
            """;

    // ------------------------------------------------------------------ level 4: severe

    /** 2012 report, section 1.c: torture of three detainees. */
    static final String TORTURE_OF_THREE_DETAINEES = """
            Authorities charged two police officers from the Saragash District in South
            Kazakhstan with torture while trying to obtain confessions from three detainees
            accused of theft.  The police officers allegedly placed plastic bags over the
            detainees’ heads and subjected them to electric shocks.
            """;

    /** 2012 report, section 1.c: two residents detained and tortured. */
    static final String TORTURE_OF_TWO_RESIDENTS = """
            In October authorities fired the chief of the Starogorodsky Police Department in
            Temirtau and arrested three policemen in response to accusations that they
            detained and tortured two local residents.  According to the Ministry of Interior,
            the police officers admitted using torture.  The trial was not completed by year’s
            end.
            """;

    /** 2021 report, section 1.c: a named prisoner beaten in every prison. */
    static final String NAMED_PRISONER_BEATEN = """
            In July, Karim Babayev, a prisoner at Almaty detention facility CI18, was
            hospitalized after he attempted self-mutilation as a protest against abuse.  Babayev
            had been transferred to multiple prisons and stated that he was beaten in every
            prison.  Babayev frequently protested abuse and filed complaints.  Human rights
            observers stated Babayev was regularly punished for his activities.
            """;

    /** 2021 report, section 1.c: a named prisoner raped by a guard. */
    static final String PRISONER_RAPED = """
            In August the president pardoned Natalya Slekishina, who was raped in prison in
            2016 by prison guard Ruslan Khakimov.  Khakimov was convicted for
            Slekishina’s rape and sentenced to nine years’ imprisonment.
            """;

    /** 2012 report, section 1.e: an opposition leader sentenced to seven and one-half years. */
    static final String OPPOSITION_LEADER_IMPRISONED = """
            On October 8, the Mangystau Inter District Court sentenced Vladimir Kozlov,
            leader of the unregistered opposition political party Alga, to seven and one-half
            years in prison for “forming a criminal group, inciting social discord, and calling
            for the violent overthrow of the constitutional order.”  The charges were linked to
            Kozlov’s support of the striking oil workers in Zhanaozen.  While Kozlov and
            Alga did provide the strikers with moral and financial assistance, authorities did
            not present evidence linking them to violence or the overthrow of the government
            to the court.  The charge of inciting social discord was based on a strained
            interpretation of the law that established the government as a social group
            “analogous to a race, tribe, religion, or class.”  Most NGOs and international
            observers characterized the charges as politically motivated.  The court also
            ordered the confiscation of all of Kozlov’s personal property, most of which was
            used as office space and equipment for the Alga party.
            """;

    /** 2021 report, section 2.a: police assaulted two named reporters. */
    static final String REPORTERS_ASSAULTED = """
            On March 2, police in Shymkent assaulted Astana TV reporter Bahrambek
            Talibzhanov and Channel 31 reporter Bahrom Abdullayev who came to cover a
            fire at the Tulpar market.  On April 5, in response to this incident, journalists and
            their supporters protested in front of the Shymkent police station, demanding that
            police stop pressure and violence against journalists.  The chief of police
            apologized for his officers’ misconduct and promised to hold them liable for
            abuses.
            """;

    /** 2021 report, section 2.f: named asylees attacked. */
    static final String ASYLEES_ATTACKED = """
            Abuse of Migrants and Refugees:  On January 21, asylees Murager Alimuly and
            Kaisha Khan from Xinjiang, China, separately suffered attacks by unknown
            assailants in the Nur-Sultan and Almaty areas.  At year’s end the attacks were still
            under investigation by authorities, with no reported suspects.  Alimuly and Khan
            were two of the four ethnic Kazakhs who fled China and received asylum in
            October 2020.
            """;

    /** NGO submission, trafficking: 125 victims identified. */
    static final String TRAFFICKING_VICTIMS = """
            50. In 2012, the International Organization for Migration in Kazakhstan in collaboration with NGOs and law enforcement agencies identified 125 victims of trafficking, 56 of whom were victims of forced labor, and 69 persons were subjected to sexual exploitation. The victims in half of the cases were the citizens of Kazakhstan trafficked domestically.
            51. During 10 months of 2012, the prosecution initiated 231 criminal cases: 4 cases of kidnapping a person for the purpose of exploitation, 13 - unlawful deprivation of liberty for the purpose of exploitation, 21 - trafficking of human beings, 35 - involvement in prostitution, 158 – organization of a brothel. In general, from 2004 to October 2012 there were 876 victims of trafficking registered in Kazakhstan.<sup>5</sup>
            52. When investigating crimes related to human trafficking, law enforcement officers do not comply with standards of thorough and impartial investigation. The victims are often perceived negatively and become subjected to discrimination and bias. With the lack of any social and legal support to victims, the perpetrators find themselves in a better situation financially and legally. Delays in the adoption of security measures for victims and witnesses lead to loss of earlier testimonies and no prospects for prosecution. For example, out of 40 criminal cases initiated in 2011-2012, only 16 were indicted by prosecutors.<sup>6</sup>
            53. Statistics on the number of criminal cases on trafficking in Kazakhstan indicates that only a small fraction of criminal cases are opened under the Article 128 of the Criminal Code “Human Trafficking”. The majority of cases are instituted under less serious crimes (Articles 270 and 271 of the Criminal Code), which allows traffickers to escape adequate punishment envisaged for the crime of trafficking.
            54. This is partially due to lack of professional knowledge about the methods of investigating crimes related to trafficking in human beings. The biggest obstacle, however, is corruption among law enforcement agencies.
            55. The victims of trafficking can not receive social assistance from the state due to lack of registration or citizenship. The country has no legal and social rehabilitation programs for the protection of victims of trafficking. In accordance with the Strategy for Gender Equality 2006-2016, the state has undertaken to "establish rehabilitation centers at checkpoints on state borders for victims of traffic from Kazakhstan and other CIS countries to ascertain circumstances of their stay abroad."<sup>7</sup> To date, there are no such centers at border checkpoints.
            """;

    // ------------------------------------------------------------------ level 3: serious

    /** 2012 report, section 2.b: organisers of unsanctioned gatherings detained and fined. */
    static final String UNSANCTIONED_GATHERINGS_FINED = """
            Authorities often briefly detained and fined organizers of unsanctioned gatherings,
            including political party gatherings.  For example, representatives from the
            unregistered opposition party Alga reported that authorities interfered with protests
            to boycott the April 2011 presidential election.  The Kazakhstan International
            Bureau for Human Rights and Rule of Law, which monitors demonstrations in the
            seven largest cities, recorded 162 peaceful demonstrations from July 2011 to April
            2012, 92.5 percent of which were unsanctioned.  During that period the
            government sanctioned 12 demonstrations, including by progovernment groups.
            When the government did sanction public protests, it frequently designated
            locations in less populous areas outside the city center.  In 12 cases authorities
            physically prevented protesters from meeting.  In nine cases authorities detained
            participants of unsanctioned demonstrations and later charged them with
            administrative violations.  Overall, however, the organization noted an increase in
            the civic activities of citizens and a decrease in the number of cases where police
            prevented peaceful demonstrations.
            """;

    /** 2021 report, section 2.b: protesters arrested and fined for unauthorized protests. */
    static final String PROTESTERS_ARRESTED_AND_FINED = """
            On February 8, a small group of individuals began a series of daily protests in front
            of the Consulate of the People’s Republic of China (PRC) in Almaty to demand
            information regarding their family members in China.  Several protesters were
            arrested, some repeatedly, and fined.  In September protesters temporarily moved
            their protest to outside the PRC embassy in Nur-Sultan where, on September 23,
            authorities arrested and fined 10 protesters for holding an unauthorized protest.  On
            October 1, authorities detained and again fined the same group of protesters as they
            left their rented apartment in Nur-Sultan.  The daily protests and police response,
            including occasional fines and detentions of participants, continued in Almaty at
            year’s end.
            """;

    /** 2021 report, section 1.d: arbitrary arrest of opponents for unsanctioned assembly. */
    static final String ARBITRARY_ARREST = """
            Arbitrary Arrest:  The government frequently arrested and detained political
            opponents and critics, sometimes for minor infractions such as unsanctioned
            assembly, that led to fines or up to 15 days’ administrative arrest.  During the year
            authorities detained many persons who participated in unsanctioned
            antigovernment rallies, including some pedestrians walking near rally sites.
            """;

    /** NGO submission, housing: forced evictions. */
    static final String FORCED_EVICTIONS = """
            1. Kazakhstan legislation does not have the required international standards of legal prohibition and protection against forced evictions. There is no definition of "forced eviction" and no recognition of the right not to be forcibly evicted. The national law allows for forced evictions without alternative accommodation.
            2. The government is not taking any measures to implement the right to adequate housing and protection against eviction orders of banks in cases of failed mortgages. There were numerous cases of suicides of people who faced forced eviction orders. There has been no response from the government to address this problem. No freeze on eviction orders has been implemented to provide some relief to the population under extreme hardships.
            3. There is no reliable and consolidated statistics on forced evictions in the country. There are no provisions to ensure strict control over the procedures of eviction. There are no mechanisms to bring to justice persons who commit violations in the process of evictions.
            4. NGOs are alarmed of the growing trend of housing rights violations in the country. People are being evicted from their own homes and appropriated private lands and houses without adequate compensation to ensure alternative accommodation. The government program to provide housing to socially vulnerable groups is not effective, as people have to queue for decades to get some form of housing.
            """;

    /** 2021 report, section 1.f: monitoring of defenders' and activists' movements. */
    static final String DEFENDERS_MONITORED = """
            Human rights defenders, activists, and their family members continued to report
            the government occasionally monitored their movements, contrary to international
            norms.
            In July international and local media reported that government officials,
            journalists, activists, and businesspersons were included on the leaked list of
            individuals who had been monitored since 2016 using the Israeli cybersecurity firm
            NSO’s Pegasus software program, which the firm reportedly sold only to military,
            law enforcement, and intelligence agencies.  Two journalists named in the leak and
            other international human rights defenders called the monitoring an abuse of
            human rights.  First Deputy Head of the Presidential Administration Dauren
            Abayev described the news reports as “intriguing information without any proof.”
            """;

    /** 2012 report, section 2.a: libel cases against journalists. */
    static final String LIBEL_CASES_AGAINST_JOURNALISTS = """
            NGOs and monitors reported that libel cases against journalists and media outlets
            remained a problem.  Adil Soz cited 16 criminal and 86 civil charges against media
            outlets and journalists during the first 10 months of the year, compared with 27
            total suits in all of 2011.
            """;

    /** 2012 report, section 1.c: torture alleged, but no victim named or counted. */
    static final String TORTURE_WITHOUT_COUNTED_VICTIMS = """
            The law prohibits torture; nevertheless, police and prison officials allegedly
            tortured and abused detainees, often in an effort to obtain or force confessions.  For
            example, a representative from the Kazakhstan International Bureau for Human
            Rights reported seeing physical signs of torture, including scabbed skin, open
            wounds, bruises, and evidence of exposure to extreme cold on prisoners.  The
            representative also asserted that authorities generally did not allow human rights
            observers to observe conditions in penal colonies.  Members of the Public
            Monitoring Commission, a group comprised of NGO representatives, interviewed
            prisoners in a Kostanai penal colony.  After the interview, authorities confiscated
            the group’s notes and reportedly punished prisoners who had submitted complaints
            to the commission by beating them and placing them in punitive cells.
            """;

    // ------------------------------------------------------------------ level 2: moderate

    /** 2021 report, section 2.b: registration as a political party refused. */
    static final String REGISTRATION_REFUSED = """
            Authorities continued to refuse registration as a political party to the social
            movement Halyqqa Adal Qyzmet led by Togzhan Kozhaly.  Authorities cited
            administrative errors or missed deadlines as justification for their denials.  Kozhaly
            had attempted to register the organization six times as of the end of the year.
            """;

    /** 2021 report, section 3: denials to register a party. */
    static final String DENIALS_TO_REGISTER = """
            On June 25, activists from the unregistered El Tiregi political party, led by
            Nurzhan Altayev, and from the Union of Tajik-Afghan War Veterans protested in
            Nur-Sultan regarding multiple denials by authorities to register El Tiregi.
            According to Altayev, he unsuccessfully attempted 10 times to register El Tiregi.
            """;

    /** 2021 report, section 2.b: restrictive assembly law. */
    static final String RESTRICTIVE_ASSEMBLY_LAW = """
            Opponents criticized laws on freedom of peaceful assembly as restrictive and
            falling short of international standards.  Serious restrictions remained.  Organizers
            must submit advance notification to the local government and await a response.
            The law states all gatherings except single-person pickets may only be held in
            areas designated by authorities.  Spontaneous gatherings are banned, and
            foreigners and stateless persons are denied the right to peaceful assembly.
            """;

    /** 2012 report, section 2.b: permit procedures for demonstrations. */
    static final String PERMIT_PROCEDURES = """
            Under the laws governing public assembly, organizations must apply to local
            authorities for a permit to hold a demonstration or public meeting at least 10 days
            in advance.  Opposition figures and human rights monitors complained that
            complicated and vague procedures and the 10-day notification period made it
            difficult for groups to organize public meetings and demonstrations, and they noted
            that local authorities turned down many applications for demonstrations or allowed
            them to take place only outside the city center.
            """;

    /** 2021 report, section 6: discrimination and stigma against persons with HIV. */
    static final String HIV_DISCRIMINATION = """
            The law prohibits discrimination against persons with HIV and AIDS, but stigma
            remained and resulted in societal discrimination that continued to affect access to
            information, services, treatment, and care.  The National Center for AIDS provided
            free diagnosis and treatment to all citizens.
            """;

    /** 2012 report, section 2.a: internet domain registration may be revoked. */
    static final String DOMAIN_REGISTRATION = """
            The MCI controlled the registration of “.kz” Internet domains.  Authorities may
            suspend or revoke registration for failure to situate servers in the country.
            Observers criticized the registration process as unduly restrictive and vulnerable to
            abuse.
            """;

    /** 2021 report, section 1.c: the law prohibits torture (legal framework caps it at 2). */
    static final String LAW_PROHIBITS_TORTURE = """
            The law prohibits torture, but human rights activists asserted the domestic legal
            definition of torture does not meet the definition in the UN Convention against
            Torture.  The National Preventive Mechanism against Torture (NPM) was
            established by law and is part of the government’s Office of the Human Rights
            Ombudsman.
            """;

    // ------------------------------------------------------------------ level 1: context, law, recommendations

    /** 2021 report, section 3: electoral quota. */
    static final String ELECTORAL_QUOTA = """
            The law mandates a combined 30 percent quota for women and youth in the lists of
            candidates running for elections.  Youth are defined as persons between ages 14
            and 29.
            """;

    /** 2012 report, section 7.a: the law protects the right to form unions. */
    static final String LAW_PROTECTS_UNIONS = """
            The law and related regulations protect the right of workers to form and join
            independent unions, and bargain collectively.  The law likewise protects the right
            of workers to form and join independent unions and bargain collectively.
            """;

    /** 2021 report, section 7.b: parliament ratified an agreement to prevent forced labor. */
    static final String RATIFIED_AGREEMENT = """
            In 2020 parliament ratified the Agreement Between the Governments of
            Kazakhstan and Uzbekistan on Employment and Protection of Migrant Worker
            Nationals of Uzbekistan in Kazakhstan and Protection of Migrant Worker
            Nationals of Kazakhstan in Uzbekistan.  The agreement strengthens regulation of
            migration flows and efforts to prevent forced labor by facilitating migrants’ access
            to government services and providing for mutual recognition of educational
            qualifications.
            """;

    /** 2021 report, section 7.b: migrants assisted during the pandemic. */
    static final String MIGRANTS_ASSISTED = """
            Throughout the COVID-19 pandemic, the government assisted migrants in
            maintaining their legal status and in returning to their home countries.  The
            government coordinated with the governments of the other Central Asian countries
            and local NGOs to open border crossings and facilitate the safe return of labor
            migrants to their home countries, including those transiting from Russia.
            """;

    /** 2012 report, section 2.d: cooperation with UNHCR. */
    static final String COOPERATION_WITH_UNHCR = """
            The government cooperated with the UNHCR and other organizations to provide
            some protection and assistance to refugees from countries where their lives or
            freedom would be threatened on account of their race, religion, nationality,
            membership in a particular social group, or political opinion.
            """;

    /** NGO submission: recommendation bullets on housing. */
    static final String HOUSING_RECOMMENDATIONS = """
            - Adopt legislative measures to guarantee the right to adequate housing and to establish safeguards against forced evictions for home and land owners;
            - Take measures to address the problem of suicides of persons being forcefully evicted.
            - Establish an effective system and mechanisms to implement the right to adequate housing in practice, including strict control over the conditions under which evictions are carried out;
            - Establish a single responsible government authority to protect the right to adequate housing, monitor the practice of evictions and take measures to protect citizens in cases of extreme hardships.
            """;

    /** NGO submission: recommendation bullets on trafficking. */
    static final String TRAFFICKING_RECOMMENDATIONS = """
            - Ensure that all cases of human trafficking and child labor are effectively investigated, the perpetrators are prosecuted and punished with appropriate sanctions, and the victims receive adequate compensation.
            - Include victims of trafficking to groups of persons eligible for state social services, tailed for their needs.
            - Establish support centers and shelters for victims of trafficking at all regional centers of Kazakhstan and ensure long-term public funding for their sustainability.
            - Take measures to combat the root causes of trafficking and develop national prevention programs.
            - Establish the office of the National Rapporteur on trafficking in persons.
            """;

    // ------------------------------------------------------------------ negation

    static final String NO_DISAPPEARANCES_2012 = "There were no reports of disappearances during the year.";
    static final String NO_DISAPPEARANCES_2017 = "There were no reports of politically motivated disappearances.";
    static final String NO_DISAPPEARANCES_2021 =
            "There were no reports of disappearances by or on behalf of government authorities.";

    /** 2017 report: the first clause is negated, the second reports deaths. */
    static final String HAZING_NEGATED_THEN_DEATHS = """
            There were no official reports of military hazing resulting in death; however, there
            were instances of several deaths that the official investigations subsequently
            presented as suicides. Family members made allegations that the soldiers died as a
            result of hazing.
            """;

    /** 2012 report, section 7.e: no major accidents in which workers were killed. */
    static final String NO_MAJOR_ACCIDENTS = """
            Some workers, particularly in the construction industry, were not free to exercise
            the right to remove themselves from situations that endangered their health and
            safety without jeopardizing their employment.  During the first nine months of the
            year the government reported 1,479 workplace injuries, compared with 2,179
            during all of 2011.  The government did not report on the number of workplace
            deaths during the year, but there were 365 workplace deaths in 2011.  According to
            officials at the Federation of Trade Unions, many of the deaths were due to
            antiquated equipment, Soviet-era infrastructure, and disregard for safety
            regulations in the mining and metallurgy sectors.  There were no major industrial
            accidents in which a significant number of workers were injured or killed.
            """;

    static Stream<Arguments> seedPassages() {
        return Stream.of(
                arguments(5, "death in police custody", DIED_IN_POLICE_CUSTODY),
                arguments(5, "beating resulting in death", BEATING_RESULTING_IN_DEATH),
                arguments(5, "beaten to death", BEATEN_TO_DEATH),
                arguments(5, "deaths in detention", DEATHS_IN_DETENTION),
                arguments(5, "shooting into crowds", SHOOTING_INTO_CROWDS),
                arguments(5, "killings and deadly abuse", KILLINGS_AND_DEADLY_ABUSE),
                arguments(5, "journalist stabbed and shot", JOURNALIST_STABBED),
                arguments(4, "torture of three detainees", TORTURE_OF_THREE_DETAINEES),
                arguments(4, "torture of two residents", TORTURE_OF_TWO_RESIDENTS),
                arguments(4, "named prisoner beaten", NAMED_PRISONER_BEATEN),
                arguments(4, "prisoner raped", PRISONER_RAPED),
                arguments(4, "opposition leader imprisoned for years", OPPOSITION_LEADER_IMPRISONED),
                arguments(4, "named reporters assaulted", REPORTERS_ASSAULTED),
                arguments(4, "named asylees attacked", ASYLEES_ATTACKED),
                arguments(4, "trafficking victims", TRAFFICKING_VICTIMS),
                arguments(3, "unsanctioned gatherings fined", UNSANCTIONED_GATHERINGS_FINED),
                arguments(3, "protesters arrested and fined", PROTESTERS_ARRESTED_AND_FINED),
                arguments(3, "arbitrary arrest", ARBITRARY_ARREST),
                arguments(3, "forced evictions", FORCED_EVICTIONS),
                arguments(3, "defenders monitored", DEFENDERS_MONITORED),
                arguments(3, "libel cases against journalists", LIBEL_CASES_AGAINST_JOURNALISTS),
                arguments(3, "torture without counted victims", TORTURE_WITHOUT_COUNTED_VICTIMS),
                arguments(2, "registration refused", REGISTRATION_REFUSED),
                arguments(2, "denials to register", DENIALS_TO_REGISTER),
                arguments(2, "restrictive assembly law", RESTRICTIVE_ASSEMBLY_LAW),
                arguments(2, "permit procedures", PERMIT_PROCEDURES),
                arguments(2, "HIV discrimination", HIV_DISCRIMINATION),
                arguments(2, "domain registration may be revoked", DOMAIN_REGISTRATION),
                arguments(2, "law prohibits torture", LAW_PROHIBITS_TORTURE),
                arguments(1, "electoral quota", ELECTORAL_QUOTA),
                arguments(1, "law protects unions", LAW_PROTECTS_UNIONS),
                arguments(1, "ratified agreement", RATIFIED_AGREEMENT),
                arguments(1, "migrants assisted", MIGRANTS_ASSISTED),
                arguments(1, "cooperation with UNHCR", COOPERATION_WITH_UNHCR),
                arguments(1, "housing recommendations", HOUSING_RECOMMENDATIONS),
                arguments(1, "trafficking recommendations", TRAFFICKING_RECOMMENDATIONS));
    }

    @ParameterizedTest(name = "level {0}: {1}")
    @MethodSource("seedPassages")
    void seedPassageGetsTheTaxonomyLevel(int expected, String what, String passage) {
        Severity severity = SCORER.score(passage, false);

        assertThat(severity.level()).as("%s%n%s", what, explain(severity)).isEqualTo(expected);
        assertExplained(passage, severity);
        if (expected >= 2) {
            // the level is backed by an abuse rule of exactly that level (as proposed, raised or capped)
            assertThat(severity.indicators()).as(explain(severity)).anySatisfy(i -> {
                SeverityRule rule = rule(i);
                assertThat(rule.kind()).isEqualTo(SeverityRule.Kind.ABUSE);
                assertThat(effectiveLevel(i, rule)).isEqualTo(expected);
            });
        }
    }

    @Test
    void eachLevelHasAtLeastThreeSeedPassages() {
        Map<Integer, Long> perLevel = seedPassages()
                .collect(Collectors.groupingBy(a -> (Integer) a.get()[0], Collectors.counting()));
        assertThat(perLevel.keySet()).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
        assertThat(perLevel.values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(3));
    }

    // ------------------------------------------------------------------ negation

    @ParameterizedTest
    @MethodSource("negatedDisappearances")
    void negatedDisappearanceIsNotCriticalAndSaysWhy(String passage) {
        Severity severity = SCORER.score(passage, false);

        assertThat(severity.level()).as(explain(severity)).isLessThan(5).isEqualTo(1);
        assertExplained(passage, severity);
        assertThat(ids(severity)).doesNotContain("enforced-disappearance");
        assertThat(severity.indicators()).anySatisfy(i -> {
            assertThat(i.rule()).startsWith("negated:").contains("enforced-disappearance");
            String text = i.text().toLowerCase(Locale.ROOT);
            assertThat(text).contains("disappearance");
            assertThat(text.startsWith("no ") || text.contains(" not reported")).as(text).isTrue();
        });
    }

    static Stream<String> negatedDisappearances() {
        return Stream.of(NO_DISAPPEARANCES_2012, NO_DISAPPEARANCES_2017, NO_DISAPPEARANCES_2021,
                "No cases of disappearance were reported.", "Disappearances were not reported during the year.");
    }

    @Test
    void negatedKillingsAreNotCritical() {
        Severity severity = SCORER.score("There were no reports of killings.", false);

        assertThat(severity.level()).isEqualTo(1);
        assertThat(severity.indicators()).singleElement().satisfies(i -> {
            assertThat(i.text()).isEqualTo("no reports of killings");
            assertThat(i.rule()).startsWith("negated:");
        });
    }

    @Test
    void negationOnlyCoversItsOwnClause() {
        Severity severity = SCORER.score(HAZING_NEGATED_THEN_DEATHS, false);

        assertThat(severity.level()).as(explain(severity)).isEqualTo(5);
        assertThat(severity.indicators()).anySatisfy(i -> assertThat(i.text()).contains("no official reports"))
                .anySatisfy(i -> assertThat(i.rule()).startsWith("death-outcome:"));
    }

    @Test
    void negatedAccidentKillingsAreNotCritical() {
        Severity severity = SCORER.score(NO_MAJOR_ACCIDENTS, false);

        assertThat(severity.level()).as(explain(severity)).isLessThan(5);
        assertThat(severity.indicators()).anySatisfy(i -> {
            assertThat(i.rule()).startsWith("negated:").contains("(killing)");
            assertThat(i.text().replaceAll("\\s+", " ")).startsWith("no major industrial accidents")
                    .endsWith("injured or killed");
        });
    }

    // ------------------------------------------------------------------ modifiers

    @Test
    void legalFrameworkCapsAtTwoAndSaysSo() {
        Severity severity = SCORER.score(LAW_PROHIBITS_TORTURE, false);

        assertThat(severity.level()).isEqualTo(2);
        assertThat(severity.indicators()).anySatisfy(i -> {
            assertThat(i.rule()).startsWith("legal-framework:").contains("capped at 2");
            assertThat(i.text()).isEqualTo("The law prohibits");
        });
    }

    @Test
    void legalFrameworkDoesNotHideAnIncidentInTheNextClause() {
        // "The law prohibits torture; nevertheless, police ... tortured and abused detainees"
        Severity severity = SCORER.score(TORTURE_WITHOUT_COUNTED_VICTIMS, false);

        assertThat(severity.level()).isEqualTo(3);
        assertThat(severity.indicators()).anySatisfy(i -> {
            assertThat(i.text()).isEqualTo("tortured");
            assertThat(i.rule()).startsWith("torture:");
        });
    }

    @Test
    void countedVictimsRaiseTortureToFour() {
        Severity severity = SCORER.score(TORTURE_OF_THREE_DETAINEES, false);

        assertThat(severity.level()).isEqualTo(4);
        assertThat(severity.indicators()).anySatisfy(i -> {
            assertThat(i.rule()).startsWith("concrete-victim:");
            assertThat(i.text()).isEqualTo("three detainees");
        });
    }

    @Test
    void namedVictimRaisesArrestToThree() {
        Severity bare = SCORER.score("Police arrested the man in the evening.", false);
        Severity named = SCORER.score("Police arrested opposition activist Ivan Petrov in the evening.", false);

        assertThat(bare.level()).isEqualTo(2);
        assertThat(named.level()).isEqualTo(3);
        assertThat(named.indicators()).anySatisfy(i -> {
            assertThat(i.rule()).startsWith("concrete-victim:");
            assertThat(i.text()).isEqualTo("Ivan Petrov");
        });
    }

    @Test
    void recommendationsAreCappedAtOne() {
        Severity asReport = SCORER.score(TRAFFICKING_VICTIMS, false);
        Severity asRecommendation = SCORER.score(TRAFFICKING_VICTIMS, true);

        assertThat(asReport.level()).isEqualTo(4);
        assertThat(asRecommendation.level()).isEqualTo(1);
        assertThat(asRecommendation.indicators().get(0).rule()).startsWith("recommendation:");
        assertExplained(TRAFFICKING_VICTIMS, asRecommendation);
    }

    @Test
    void imperativeBulletsAreRecognisedAsRecommendations() {
        Severity severity = SCORER.score(HOUSING_RECOMMENDATIONS, false);

        assertThat(severity.level()).isEqualTo(1);
        assertThat(severity.indicators().get(0)).satisfies(i -> {
            assertThat(i.text()).isEqualTo("Adopt");
            assertThat(i.rule()).startsWith("recommendation:");
        });
        assertThat(SCORER.score("Ensure that torture complaints are investigated.", false).level()).isEqualTo(1);
        assertThat(SCORER.score("Ratify the Optional Protocol.", false).level()).isEqualTo(1);
    }

    @Test
    void deathOutcomesRaiseToFive() {
        assertThat(SCORER.score("The detainee was beaten to death by guards.", false).level()).isEqualTo(5);
        assertThat(SCORER.score("He died in custody two days later.", false).level()).isEqualTo(5);
        assertThat(SCORER.score("The prisoner died after guards beat him.", false).level()).isEqualTo(5);
    }

    // ------------------------------------------------------------------ patterns

    @Test
    void patternsRespectWordBoundariesAndInflections() {
        assertThat(ids(SCORER.score("The grape harvest and therapeutic care improved rapidly; a rapporteur visited.",
                false))).doesNotContain("sexual-violence");
        assertThat(SCORER.score("Guards raped a detainee.", false).level()).isEqualTo(4);
        assertThat(SCORER.score("Two men were RAPED.", false).level()).isEqualTo(4);
        assertThat(SCORER.score("Police killed a protester.", false).level()).isEqualTo(5);
        assertThat(SCORER.score("The killings continued.", false).level()).isEqualTo(5);
        assertThat(SCORER.score("Skills training was offered to inmates.", false).level()).isEqualTo(1);
        assertThat(ids(SCORER.score("Officers were accused of torturing suspects.", false))).contains("torture");
        assertThat(ids(SCORER.score("The Convention against Torture was ratified.", false))).doesNotContain("torture");
        assertThat(ids(SCORER.score("The upbeat report was published.", false))).doesNotContain("ill-treatment");
    }

    @Test
    void emptyAndNullPassagesStillHaveAnIndicator() {
        for (String text : new String[] {null, "", "   "}) {
            Severity severity = SCORER.score(text, false);
            assertThat(severity.level()).isEqualTo(1);
            assertThat(severity.indicators()).singleElement()
                    .satisfies(i -> assertThat(i.rule()).startsWith("context:"));
        }
    }

    @Test
    void ruleIdsAreUniqueAndIndicatorRulesStartWithThem() {
        assertThat(SeverityRule.ids()).hasSize(SeverityRule.values().length);
        for (SeverityRule rule : SeverityRule.values()) {
            assertThat(rule.describe()).startsWith(rule.id() + ": ");
            assertThat(rule.id()).matches("[a-z]+(-[a-z]+)*");
            assertThat(rule.level()).isBetween(1, 5);
            assertThat(rule.levelWithVictim()).isBetween(rule.level(), 5);
        }
    }

    // ------------------------------------------------------------------ all seed passages

    @Test
    void everySeedPassageIsExplained() throws IOException {
        List<String> passages = seedParagraphs();
        assertThat(passages).hasSizeGreaterThan(100);
        for (String passage : passages) {
            assertExplained(passage, SCORER.score(passage, false));
        }
    }

    @Test
    void levelDistributionOverTheSeedsIsPlausible() throws IOException {
        List<String> passages = seedParagraphs();
        int[] count = new int[6];
        for (String passage : passages) {
            count[SCORER.score(passage, false).level()]++;
        }
        StringBuilder sb = new StringBuilder("severity distribution over " + passages.size()
                + " seed passages (blank-line paragraphs, >= 30 words):");
        for (int level = 1; level <= 5; level++) {
            sb.append(String.format(Locale.ROOT, "%n  level %d: %3d (%4.1f%%)", level, count[level],
                    100.0 * count[level] / passages.size()));
        }
        System.out.println(sb);

        for (int level = 1; level <= 5; level++) {
            assertThat(count[level]).as("passages at level %d", level).isPositive();
            assertThat(count[level]).as("passages at level %d", level).isLessThan(passages.size() * 6 / 10);
        }
        assertThat(count[5]).as("critical passages").isLessThan(passages.size() / 5);
        assertThat(count[1] + count[2]).as("low and moderate passages").isGreaterThan(passages.size() / 3);
    }

    @Test
    void scoringIsThreadSafe() throws Exception {
        List<String> passages = seedParagraphs();
        List<Severity> sequential = passages.stream().map(p -> SCORER.score(p, false)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Severity>>> runs = new ArrayList<>();
            for (int r = 0; r < 4; r++) {
                runs.add(pool.submit(() -> passages.stream().map(p -> SCORER.score(p, false)).toList()));
            }
            for (Future<List<Severity>> run : runs) {
                assertThat(run.get()).isEqualTo(sequential);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Prints the throughput on 200-word passages cut from the seeds (a figure, never an assertion). */
    @Test
    void printsThroughput() throws IOException {
        List<String> passages = SeverityScorerBenchmark.twoHundredWordPassages(seedDirectory());
        SeverityScorerBenchmark.Result result = SeverityScorerBenchmark.measure(passages, 1_500, 1_500);
        System.out.println("severity throughput: " + result);
        assertThat(result.passages()).isPositive();
    }

    // ------------------------------------------------------------------ no seed content in production code

    @Test
    void productionCodeContainsNoNamesPlacesOrSentencesFromTheSeeds() throws IOException {
        Path main = moduleDirectory().resolve("src/main/java/org/rightstream/classify/severity");
        String code;
        try (Stream<Path> files = Files.list(main)) {
            code = files.filter(f -> f.toString().endsWith(".java")).map(SeverityScorerTest::read)
                    .collect(Collectors.joining("\n")).toLowerCase(Locale.ROOT);
        }
        for (String seedName : List.of("kazakh", "nazarbayev", "tokayev", "almaty", "astana", "nur-sultan",
                "zhanaozen", "shymkent", "karaganda", "aktobe", "kostanai", "uralsk", "mangystau", "kozlov",
                "zhovtis", "akhmedyarov", "babayev", "krivenko", "koshe", "tirek", "feminita", "alga", "helsinki",
                "kazakhstan", "uzbek", "kyrgyz", "xinjiang")) {
            assertThat(code).as("seed name in production code").doesNotContainPattern("\\b" + seedName + "\\b");
        }
        // no run of seven seed words appears in the production code
        Set<String> codeShingles = shingles(code, 7);
        for (String passage : seedParagraphs()) {
            Set<String> seedShingles = shingles(passage.toLowerCase(Locale.ROOT), 7);
            seedShingles.retainAll(codeShingles);
            assertThat(seedShingles).as("seed sentence fragments in production code").isEmpty();
        }
    }

    // ------------------------------------------------------------------ helpers

    private static void assertExplained(String passage, Severity severity) {
        assertThat(severity.level()).isBetween(1, 5);
        assertThat(severity.indicators()).as("indicators of %s", passage).isNotEmpty()
                .hasSizeLessThanOrEqualTo(SeverityScorer.MAX_INDICATORS);
        for (Severity.Indicator indicator : severity.indicators()) {
            assertThat(passage == null ? "" : passage).as("indicator text must occur in the passage")
                    .contains(indicator.text());
            assertThat(SeverityRule.ofIndicatorRule(indicator.rule())).as(indicator.rule()).isPresent();
            assertThat(SeverityRule.ids()).contains(indicator.rule().substring(0, indicator.rule().indexOf(':')));
        }
    }

    private static SeverityRule rule(Severity.Indicator indicator) {
        return SeverityRule.ofIndicatorRule(indicator.rule()).orElseThrow();
    }

    private static int effectiveLevel(Severity.Indicator indicator, SeverityRule rule) {
        var m = Pattern.compile("\\((?:capped at|raised to) (\\d)").matcher(indicator.rule());
        return m.find() ? Integer.parseInt(m.group(1)) : rule.level();
    }

    private static List<String> ids(Severity severity) {
        return severity.indicators().stream().map(i -> rule(i).id()).toList();
    }

    private static String explain(Severity severity) {
        return severity.indicators().stream().map(i -> "  [" + i.text() + "] " + i.rule())
                .collect(Collectors.joining("\n", "level " + severity.level() + "\n", ""));
    }

    /** Seed paragraphs: split on blank lines, at least 30 words. */
    static List<String> seedParagraphs() throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(seedDirectory())) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                for (String paragraph : Files.readString(f).split("\\n\\s*\\n")) {
                    if (paragraph.strip().split("\\s+").length >= 30) {
                        out.add(paragraph);
                    }
                }
            }
        }
        return out;
    }

    static Path seedDirectory() {
        return moduleDirectory().getParent().resolve("seeds");
    }

    private static Path moduleDirectory() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("src/main/java/org/rightstream/classify/severity"))) {
            Path candidate = dir.resolve("classify-service");
            if (Files.isDirectory(candidate.resolve("src/main/java/org/rightstream/classify/severity"))) {
                return candidate;
            }
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("classify-service module not found from " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> shingles(String text, int n) {
        String[] words = text.split("[^a-z0-9]+");
        List<String> w = new ArrayList<>();
        for (String word : words) {
            if (!word.isEmpty()) {
                w.add(word);
            }
        }
        Set<String> out = new HashSet<>();
        for (int i = 0; i + n <= w.size(); i++) {
            out.add(String.join(" ", w.subList(i, i + n)));
        }
        return out;
    }
}
