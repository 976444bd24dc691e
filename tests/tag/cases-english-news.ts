// English news for people and organisations, held out: the opening paragraphs of 7 real articles
// from the web-articles-dev corpus (scrapinghub article-extraction-benchmark, MIT; see
// tests/fixtures/ner/PROVENANCE.md), annotated by hand for people and organisations before the
// English rules of issue 18 were written, and never used to write or tune them. Titles are not
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
