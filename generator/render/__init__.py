"""Stage 5, render: pages as bytes. URLs and output paths (`urls`), the article text's HTML
(`markup`), template filters (`filters`) and the pages themselves (`pages`)."""
