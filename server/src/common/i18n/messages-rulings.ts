// Server messages of rulings, document upload and the duties calculator, merged into `messages` (kept in
// their own file so that features added in parallel do not edit the same lines).
export const rulingsMessages = {
  en: {
    'rulings.type.REQUIRED': 'Choose the type of ruling.',
    'rulings.goodsDescription.REQUIRED': 'Describe the goods.',
    'rulings.goodsDescription.TOO_LONG': 'The description of the goods can have at most {max} characters.',
    'rulings.tariffClassification.INVALID_FORMAT':
      'Enter the classification number as 10 digits in the form 0000.00.00.00.',
    'rulings.questions.REQUIRED': 'Enter your questions for the agency.',
    'rulings.questions.TOO_LONG': 'Your questions can have at most {max} characters.',
    'rulings.rulingId.NOT_FOUND': 'We found no ruling request with this id.',
    'rulings.status.TRANSITION_NOT_ALLOWED':
      'This ruling request cannot move to this status from where it stands (it may have just been decided). Reload it and try again.',
    'rulings.textEn.REQUIRED': 'Enter the text in English.',
    'rulings.textEn.TOO_LONG': 'The English text can have at most {max} characters.',
    'rulings.textFr.REQUIRED': 'Enter the text in French.',
    'rulings.textFr.TOO_LONG': 'The French text can have at most {max} characters.',
    'documents.category.REQUIRED': 'Choose a category.',
    'documents.caseNumber.REQUIRED': 'Enter a case or reference number.',
    'documents.caseNumber.TOO_LONG': 'The case or reference number can have at most {max} characters.',
    'documents.caseNumber.CASE_NOT_FOUND':
      'We found no case with this number that you can add documents to. Check the number.',
    'documents.files.REQUIRED': 'Choose at least one file.',
    'documents.files.TOO_MANY': 'You can upload at most {max} files at a time.',
    'documents.file.TOO_LARGE': '{fileName}: the file is larger than {maxMb} MB.',
    'documents.file.EMPTY': '{fileName}: the file is empty.',
    'documents.file.TYPE_NOT_ALLOWED':
      '{fileName}: this type of file is not accepted. Accepted types: {types}.',
    'documents.file.CONTENT_MISMATCH':
      '{fileName}: the content of the file does not match its extension ({extension}).',
    'documents.file.NAME_TOO_LONG': '{fileName}: the file name can have at most {max} characters.',
    'documents.NOT_MULTIPART': 'Send the files as a multipart form.',
    'documents.BAD_MULTIPART':
      'The upload was cut off or is not a well-formed multipart form. Nothing was kept: send it again.',
    'documents.NOTHING_STORED': 'Nothing was uploaded. Correct the files marked and try again.',
    'calculator.classification.REQUIRED': 'Enter a classification number.',
    'calculator.classification.INVALID_FORMAT':
      'Enter the classification number as 10 digits in the form 0000.00.00.00.',
    'calculator.classification.NOT_IN_TARIFF':
      'This classification number is not in the tariff this calculator knows. Use the classification helper.',
    'calculator.valueForDutyCents.INVALID': 'Enter a value for duty greater than $0 and at most $5,000,000.',
    'calculator.treatment.NOT_AVAILABLE': 'This tariff treatment has no rate for this classification.',
    'calculator.quantity.REQUIRED': 'Enter the quantity, in {unit}: this item has a duty per unit.',
    'calculator.quantity.INVALID': 'Enter a quantity greater than 0 and at most {max}.',
  },
  fr: {
    'rulings.type.REQUIRED': 'Choisissez le type de décision.',
    'rulings.goodsDescription.REQUIRED': 'Décrivez les marchandises.',
    'rulings.goodsDescription.TOO_LONG':
      'La description des marchandises peut compter au plus {max} caractères.',
    'rulings.tariffClassification.INVALID_FORMAT':
      'Entrez le numéro de classement en 10 chiffres sous la forme 0000.00.00.00.',
    'rulings.questions.REQUIRED': 'Entrez vos questions pour l’agence.',
    'rulings.questions.TOO_LONG': 'Vos questions peuvent compter au plus {max} caractères.',
    'rulings.rulingId.NOT_FOUND': 'Nous n’avons trouvé aucune demande de décision portant cet identifiant.',
    'rulings.status.TRANSITION_NOT_ALLOWED':
      'Cette demande de décision ne peut pas passer à cet état à partir de son état actuel (elle vient peut-être d’être tranchée). Rechargez-la et réessayez.',
    'rulings.textEn.REQUIRED': 'Entrez le texte en anglais.',
    'rulings.textEn.TOO_LONG': 'Le texte anglais peut compter au plus {max} caractères.',
    'rulings.textFr.REQUIRED': 'Entrez le texte en français.',
    'rulings.textFr.TOO_LONG': 'Le texte français peut compter au plus {max} caractères.',
    'documents.category.REQUIRED': 'Choisissez une catégorie.',
    'documents.caseNumber.REQUIRED': 'Entrez un numéro de cas ou de référence.',
    'documents.caseNumber.TOO_LONG':
      'Le numéro de cas ou de référence peut compter au plus {max} caractères.',
    'documents.caseNumber.CASE_NOT_FOUND':
      'Nous n’avons trouvé aucun cas portant ce numéro auquel vous pouvez ajouter des documents. Vérifiez le numéro.',
    'documents.files.REQUIRED': 'Choisissez au moins un fichier.',
    'documents.files.TOO_MANY': 'Vous pouvez téléverser au plus {max} fichiers à la fois.',
    'documents.file.TOO_LARGE': '{fileName} : le fichier dépasse {maxMb} Mo.',
    'documents.file.EMPTY': '{fileName} : le fichier est vide.',
    'documents.file.TYPE_NOT_ALLOWED':
      '{fileName} : ce type de fichier n’est pas accepté. Types acceptés : {types}.',
    'documents.file.CONTENT_MISMATCH':
      '{fileName} : le contenu du fichier ne correspond pas à son extension ({extension}).',
    'documents.file.NAME_TOO_LONG': '{fileName} : le nom du fichier peut compter au plus {max} caractères.',
    'documents.NOT_MULTIPART': 'Envoyez les fichiers dans un formulaire multipart.',
    'documents.BAD_MULTIPART':
      "Le téléversement a été interrompu ou n'est pas un formulaire multipart bien formé. Rien n'a été conservé : envoyez-le de nouveau.",
    'documents.NOTHING_STORED':
      'Aucun fichier n’a été téléversé. Corrigez les fichiers signalés et réessayez.',
    'calculator.classification.REQUIRED': 'Entrez un numéro de classement.',
    'calculator.classification.INVALID_FORMAT':
      'Entrez le numéro de classement en 10 chiffres sous la forme 0000.00.00.00.',
    'calculator.classification.NOT_IN_TARIFF':
      'Ce numéro de classement ne figure pas dans le tarif que connaît cette calculatrice. Utilisez l’aide au classement.',
    'calculator.valueForDutyCents.INVALID':
      'Entrez une valeur en douane supérieure à 0 $ et d’au plus 5 000 000 $.',
    'calculator.treatment.NOT_AVAILABLE':
      'Ce traitement tarifaire n’a pas de taux pour ce numéro de classement.',
    'calculator.quantity.REQUIRED': 'Entrez la quantité, en {unit} : cet article a un droit par unité.',
    'calculator.quantity.INVALID': 'Entrez une quantité supérieure à 0 et d’au plus {max}.',
  },
} as const;
