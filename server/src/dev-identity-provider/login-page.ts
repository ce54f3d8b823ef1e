const text = {
  en: {
    title: 'Demo Sign-In Partner',
    intro:
      'This stands in for your bank’s sign-in page. Use any account name (3 to 32 lowercase letters, digits, dots, dashes or underscores) and any password: the same name always signs in as the same person.',
    account: 'Account name',
    password: 'Password',
    submit: 'Sign in',
    cancel: 'Cancel and return to the portal',
    error:
      'Enter an account name of 3 to 32 lowercase letters, digits, dots, dashes or underscores, and a password.',
    otherLang: 'Français',
  },
  fr: {
    title: 'Partenaire de connexion de démonstration',
    intro:
      'Cette page remplace celle de votre banque. Utilisez n’importe quel nom de compte (3 à 32 lettres minuscules, chiffres, points, traits d’union ou traits de soulignement) et n’importe quel mot de passe : le même nom ouvre toujours une session pour la même personne.',
    account: 'Nom de compte',
    password: 'Mot de passe',
    submit: 'Ouvrir une session',
    cancel: 'Annuler et revenir au portail',
    error:
      'Entrez un nom de compte de 3 à 32 lettres minuscules, chiffres, points, traits d’union ou traits de soulignement, et un mot de passe.',
    otherLang: 'English',
  },
} as const;

/** The demo partner's own sign-in page: plain, accessible HTML with no external resources. */
export function renderLoginPage({
  lang,
  action,
  error,
}: {
  lang: 'en' | 'fr';
  action: string;
  error: boolean;
}) {
  const t = text[lang];
  const errorBlock = error ? `<p id="error" role="alert" class="error">${t.error}</p>` : '';
  const described = error ? ' aria-describedby="error" aria-invalid="true"' : '';
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t.title}</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 32rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
label { display: block; margin-top: 1rem; font-weight: 600; }
input { display: block; width: 100%; box-sizing: border-box; padding: .5rem; font-size: 1rem; border: 2px solid #555; }
input:focus, button:focus { outline: 3px solid #0535d2; outline-offset: 2px; }
.actions { margin-top: 1.5rem; display: flex; gap: 1rem; flex-wrap: wrap; }
button { padding: .6rem 1rem; font-size: 1rem; border: 2px solid #26374a; background: #26374a; color: #fff; cursor: pointer; }
button.secondary { background: #fff; color: #26374a; }
.error { color: #a62a1e; font-weight: 600; border-left: 4px solid #a62a1e; padding-left: .75rem; }
</style>
</head>
<body>
<main>
<h1>${t.title}</h1>
<p>${t.intro}</p>
${errorBlock}
<form method="post" action="${action}">
<label for="account">${t.account}</label>
<input id="account" name="account" autocomplete="username" required${described}>
<label for="password">${t.password}</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<div class="actions">
<button type="submit">${t.submit}</button>
<button type="submit" name="cancel" value="1" class="secondary" formnovalidate>${t.cancel}</button>
</div>
</form>
</main>
</body>
</html>`;
}
