// English news for people and organisations: the opening paragraphs of real articles from the
// web-articles-dev corpus (scrapinghub article-extraction-benchmark, MIT; see
// tests/fixtures/ner/PROVENANCE.md), annotated by hand. The first batch (7 articles) was annotated
// before the English rules of issue 18 were written; its misses under the old rules were seen
// while writing them, and two fixes (royal titles are not given names, Thai place words) came
// from it, so it is partly tuned on. The second batch is the held-out one. Titles are not
// part of a name ("Prince Andrew" is Andrew). Organisations are scored as one group (agency or
// organization). Places and dates are not annotated here.
import type { EntityCase } from './cases.ts';

export const ENGLISH_NEWS_CASES: EntityCase[] = [
  {
    name: 'en news 374ac9a5',
    text: "DUBAI, United Arab Emirates — Dubai's flagship carrier Emirates Airline finalized a deal to purchase 30 of Boeing 's 787-9 Dreamliner jets, executives of both companies announced Wednesday at the Dubai Air Show.\n\nThe deal sets up for a reduction to a prior commitment of 777x jets from the U.S. plane-maker, down by 30 to 126, which Emirates is opting for by employing its substitution rights. The 777 program has faced delays due to engine problems and other technical issues in its testing phase.",
    entities: [{ type: 'organization', text: "Emirates Airline" }, { type: 'organization', text: "Boeing" }, { type: 'organization', text: "Emirates" }],
  },
  {
    name: 'en news 4648a420',
    text: "Experience is thrilled to have Junior Gaspard, long time ExpApper, as our new President and CEO.\n\nWe’ve asked him to share some insights into the business of Experience and what’s next on the horizon for the company.",
    entities: [{ type: 'organization', text: "Experience" }, { type: 'person', text: "Junior Gaspard" }, { type: 'organization', text: "Experience" }],
  },
  {
    name: 'en news 87bf6057',
    text: "While Anglophiles spent the weekend watching the third season of The Crown on Netflix, the real Prince Andrew was busy distancing himself from a more sinister style of royal drama.\n\nIn an interview about his friendship with billionaire pedophile and alleged sex trafficker Jeffrey Epstein, BBC’s Emily Maitlis did an excellent job pressing Andrew. Maitlis repeatedly demanded how Andrew, Queen Elizabeth II's third child, could be so sure what he was doing on the night of March 10, during which he allegedly raped 17-year-old Virginia Giuffre, a victim of Epstein’s alleged sex trafficking ring.",
    entities: [{ type: 'organization', text: "Netflix" }, { type: 'person', text: "Andrew" }, { type: 'person', text: "Jeffrey Epstein" }, { type: 'organization', text: "BBC" }, { type: 'person', text: "Emily Maitlis" }, { type: 'person', text: "Andrew" }, { type: 'person', text: "Maitlis" }, { type: 'person', text: "Andrew" }, { type: 'person', text: "Elizabeth II" }, { type: 'person', text: "Virginia Giuffre" }, { type: 'person', text: "Epstein" }],
  },
  {
    name: 'en news 9e8c9f08',
    text: "In October, Rep. David McKinley, R-W.Va., visited the U.S.-Mexico border near McAllen, Texas, and argued that the United States needs stronger border security, including more border patrol agents.\n\nA major part of the reason that additional resources are needed, McKinley said, is the flow of drugs into the country.",
    entities: [{ type: 'person', text: "David McKinley" }, { type: 'person', text: "McKinley" }],
  },
  {
    name: 'en news bdb56ac8',
    text: "When the immunologist De’Broski Herbert at the University of Pennsylvania looked deep inside the lungs of mice infected with influenza, he thought he was seeing things. He had found a strange-looking cell with a distinctive thatch of projections like dreadlocks atop a pear-shaped body, and it was studded with taste receptors. He recalled that it looked just like a tuft cell — a cell type most often associated with the lining of the intestines.",
    entities: [{ type: 'person', text: "De’Broski Herbert" }, { type: 'organization', text: "University of Pennsylvania" }],
  },
  {
    name: 'en news c90731f0',
    text: "US President Donald Trump has claimed victory as the Democratic Party-controlled House of Representatives concluded its third public hearing on the impeachment proceedings against him for allegedly abusing his office for political gain in the run-up to the 2020 presidential election.\n\nThe impeachment hearings are an effort by Democrats to establish whether Trump withheld US military aid to Ukraine to pressure the country's President Volodymyr Zelensky into announcing a corruption inquiry into Joe Biden, Trump's leading Democratic rival in the poll.",
    entities: [{ type: 'person', text: "Donald Trump" }, { type: 'organization', text: "Democratic Party" }, { type: 'organization', text: "House of Representatives" }, { type: 'person', text: "Trump" }, { type: 'person', text: "Volodymyr Zelensky" }, { type: 'person', text: "Joe Biden" }, { type: 'person', text: "Trump" }],
  },
  {
    name: 'en news ffc109d4',
    text: "Beauty company Coty is breaking out — in a good way.\n\nThe stock added more than 2% to begin the week after the beauty brand took a majority stake in Kylie Jenner's cosmetics company in a deal worth $600 million. Those gains add to a major gain for shares, climbing more than 80% so far this year.",
    entities: [{ type: 'organization', text: "Coty" }, { type: 'person', text: "Kylie Jenner" }],
  },
];

/** A second batch, 4 more openings from the same corpus (keys 7a664e40, 35b15891, 1ace8c85,
 * d1c57d78), annotated after the rules above were written and run once, unchanged, for the
 * first-run figure: nothing was fixed from it. */
export const ENGLISH_NEWS_HELDOUT_CASES: EntityCase[] = [
  {
    name: 'en news 7a664e40',
    text: "Kurt Volker, the former special envoy to Ukraine, and Tim Morrison, a former National Security Council official, testified side-by-side before the House Intelligence Committee Tuesday about the events at the center of the impeachment inquiry. Volker said he had no knowledge of any efforts to urge Ukraine to investigate Joe and Hunter Biden.\n\nMorrison was the third witness testifying Tuesday who listened in on President Trump's July 25 call with Ukrainian President Volodymyr Zelensky. He said he wasn't concerned about the content of the call, but he did worry there would be \"political consequences\" if more people had access to the call summary.",
    entities: [{ type: 'person', text: "Kurt Volker" }, { type: 'person', text: "Tim Morrison" }, { type: 'organization', text: "National Security Council" }, { type: 'organization', text: "House Intelligence Committee" }, { type: 'person', text: "Volker" }, { type: 'person', text: "Joe" }, { type: 'person', text: "Hunter Biden" }, { type: 'person', text: "Morrison" }, { type: 'person', text: "Trump" }, { type: 'person', text: "Volodymyr Zelensky" }],
  },
  {
    name: 'en news 35b15891',
    text: "CLEVELAND, Ohio – The Doobie Brothers will look to ride a potential Rock and Roll Hall of Fame Induction into a 50th anniversary tour in 2020. And the band will do it with singer Michael McDonald.\n\nRolling Stone reported details of the reunion tour that stops at Blossom Music Center on July 22. The trek will feature members Tom Johnston, Patrick Simmons, John McFee and McDonald together for the first time in 25 years. Tickets for the anniversary tour go on sale at 10 a.m. Friday, Dec. 6.",
    entities: [{ type: 'organization', text: "Doobie Brothers" }, { type: 'organization', text: "Rock and Roll Hall of Fame" }, { type: 'person', text: "Michael McDonald" }, { type: 'organization', text: "Rolling Stone" }, { type: 'person', text: "Tom Johnston" }, { type: 'person', text: "Patrick Simmons" }, { type: 'person', text: "John McFee" }, { type: 'person', text: "McDonald" }],
  },
  {
    name: 'en news 1ace8c85',
    text: "WeWork is reportedly being investigated by the New York State Attorney General. According to Reuters, the NYAG’s questions include if WeWork founder and former CEO Adam Neumann engaged in self-dealing.\n\nWeWork is headquartered in New York City. A company spokesperson said in an email that “we have received an inquiry from the office of the New York State Attorney General and are cooperating in the matter.” The New York State Attorney General’s office had no comment.",
    entities: [{ type: 'organization', text: "WeWork" }, { type: 'organization', text: "New York State Attorney General" }, { type: 'organization', text: "Reuters" }, { type: 'organization', text: "NYAG" }, { type: 'organization', text: "WeWork" }, { type: 'person', text: "Adam Neumann" }, { type: 'organization', text: "WeWork" }, { type: 'organization', text: "New York State Attorney General" }, { type: 'organization', text: "New York State Attorney General" }],
  },
  {
    name: 'en news d1c57d78',
    text: "WASHINGTON — NASA announced Nov. 18 that it was adding five companies to a contract to perform commercial deliveries of payloads to the surface of the moon, a group that ranges from small ventures to Blue Origin and SpaceX.\n\nNASA said the five companies — Blue Origin, Ceres Robotics, Sierra Nevada Corporation (SNC), SpaceX and Tyvak Nano-Satellite Systems — had been selected to join the nine companies with Commercial Lunar Payload Services (CLPS) contracts. All 14 companies are now eligible to bid on future task orders for the delivery of payloads to the lunar surface.",
    entities: [{ type: 'organization', text: "NASA" }, { type: 'organization', text: "Blue Origin" }, { type: 'organization', text: "SpaceX" }, { type: 'organization', text: "NASA" }, { type: 'organization', text: "Blue Origin" }, { type: 'organization', text: "Ceres Robotics" }, { type: 'organization', text: "Sierra Nevada Corporation" }, { type: 'organization', text: "SNC" }, { type: 'organization', text: "SpaceX" }, { type: 'organization', text: "Tyvak Nano-Satellite Systems" }],
  },
];
