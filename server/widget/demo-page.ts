// A demo clinic website with the widget pasted in. Its own styles for buttons, links and fonts, as real
// sites have, show that the widget's shadow root keeps the two apart.

const htmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and quoted attribute values. */
const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (character) => htmlEscapes[character]!);

const siteCss = `
  html { font-size: 18px; }
  body { margin: 0; font-family: Georgia, "Times New Roman", serif; color: #2d2a26; background: #faf7f2; line-height: 1.6; }
  header { background: #264653; color: #fff; padding: 1rem 2rem; display: flex; justify-content: space-between; align-items: center; flex-wrap: wrap; gap: 1rem; }
  header a { color: #fff; }
  nav a { margin-left: 1.25rem; }
  .brand { font-size: 1.4rem; font-weight: bold; margin: 0; }
  main { max-width: 60rem; margin: 0 auto; padding: 2rem; }
  .hero { background: #e9c46a; border-radius: 12px; padding: 2rem; }
  .hero h1 { margin-top: 0; }
  button, .button { background: #e76f51; color: #fff; border: 0; border-radius: 4px; padding: 0.6rem 1.2rem; font: inherit; text-transform: uppercase; letter-spacing: 0.08em; text-decoration: none; display: inline-block; }
  p { text-align: justify; }
  .services { display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: 1rem; list-style: none; padding: 0; }
  .services li { background: #fff; border: 1px solid #ddd3c4; border-radius: 8px; padding: 1rem; }
  footer { text-align: center; padding: 2rem; color: #5c5247; }
`;

export function demoPageHtml(input: { clinicId: string; clinicName: string; scriptUrl: string }): string {
  const name = escapeHtml(input.clinicName);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${name} · Caring for your pets</title>
<style>${siteCss}</style>
</head>
<body>
<header>
  <p class="brand">${name}</p>
  <nav aria-label="Site"><a href="#services">Services</a><a href="#visit">Visit us</a><a href="#new-clients">New clients</a></nav>
</header>
<main>
  <section class="hero" aria-labelledby="welcome">
    <h1 id="welcome">Welcome to ${name}</h1>
    <p>Friendly, experienced vets and nurses for dogs, cats, rabbits and small pets. Questions about your pet? Use the chat in the corner of this page while we are open, or the other ways to reach us it shows.</p>
    <a class="button" href="#new-clients">Register your pet</a>
  </section>
  <section id="services" aria-labelledby="services-title">
    <h2 id="services-title">Our services</h2>
    <ul class="services">
      <li><h3>Vaccinations and health checks</h3><p>Yearly boosters, puppy and kitten courses, and a full nose-to-tail check.</p></li>
      <li><h3>Dental care</h3><p>Scale and polish under anaesthetic, and advice on keeping teeth clean at home.</p></li>
      <li><h3>Surgery</h3><p>Neutering, lump removals and soft-tissue surgery in our own theatre.</p></li>
      <li><h3>Nurse clinics</h3><p>Weight checks, nail clips, flea and worming advice, free for registered pets.</p></li>
    </ul>
  </section>
  <section id="visit" aria-labelledby="visit-title">
    <h2 id="visit-title">Visit us</h2>
    <p>We are at 12 Riverside Walk, with free parking behind the building and step-free access. Appointments are bookable online or at reception.</p>
    <button type="button">Book an appointment</button>
  </section>
  <section id="new-clients" aria-labelledby="new-title">
    <h2 id="new-title">New clients</h2>
    <p>Bring your pet's vaccination record to the first visit. Registration takes five minutes and there is no fee.</p>
  </section>
</main>
<footer>© ${name}. This is a demo page for the website chat widget.</footer>
<script src="${escapeHtml(input.scriptUrl)}" data-clinic="${escapeHtml(input.clinicId)}" async></script>
</body>
</html>
`;
}
