"""Stage 3, analyze: who said what and what it is about. The site's knowledge and the
stage's entry point (`knowledge`), the people gazetteer (`gazetteer`), the words of reported
speech (`words`), who a verb's subject is (`discourse`), statements (`statements`) and
topics (`topics`)."""
